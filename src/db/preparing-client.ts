import { createHash } from "node:crypto";
import { Client } from "pg";

/** A read that takes parameters: the statements worth preparing (the same text runs again with other values). */
const PARAMETERIZED_READ = /^\s*(SELECT|WITH)\b/i;

/**
 * A pg client class (for pg.Pool's `Client` option) that runs parameterized reads as named prepared statements,
 * so PostgreSQL parses and plans a statement once per connection instead of on every request; the name is a
 * hash of the text. A connection prepares at most `limit` statements and runs any others unnamed, as before,
 * which bounds the server's memory without deallocating (the pool replaces connections as they idle out).
 * PostGraphile's @dataplan/pg does the same with an LRU of 100 per connection.
 */
export function preparingClient(limit: number): typeof Client {
  return class PreparingClient extends Client {
    private readonly prepared = new Set<string>();

    // biome-ignore lint/suspicious/noExplicitAny: pg's query() is overloaded; this forwards every form unchanged.
    override query(config: any, values?: any, callback?: any): any {
      if (typeof config === "string" && Array.isArray(values) && values.length > 0 && PARAMETERIZED_READ.test(config)) {
        const name = this.nameFor(config);
        if (name) return super.query({ name, text: config, values }, callback);
      }
      return super.query(config, values, callback);
    }

    private nameFor(text: string): string | null {
      const name = `chancery_${createHash("sha1").update(text).digest("base64url")}`;
      if (this.prepared.has(name)) return name;
      if (this.prepared.size >= limit) return null;
      this.prepared.add(name);
      return name;
    }
  };
}
