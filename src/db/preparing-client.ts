import { createHash } from "node:crypto";
import { Client, type QueryResult } from "pg";

/** A read that takes parameters: the statements worth preparing (the same text runs again with other values). */
const PARAMETERIZED_READ = /^\s*(SELECT|WITH)\b/i;

/** PostgreSQL's answer when a prepared statement's result columns changed under it (e.g. `r.*` after ADD COLUMN). */
const CACHED_PLAN_CHANGED_RESULT_TYPE = "0A000";

/**
 * A pg client class (for pg.Pool's `Client` option) that runs parameterized reads as named prepared statements,
 * so PostgreSQL parses and plans a statement once per connection instead of on every request; the name is a
 * hash of the text. A connection prepares at most `limit` statements and runs any others unnamed, as before,
 * which bounds the server's memory without deallocating (the pool replaces connections as they idle out).
 * PostGraphile's @dataplan/pg does the same with an LRU of 100 per connection.
 *
 * A migration that changes a table's columns while the server runs (a rolling deploy) makes PostgreSQL refuse
 * the statements prepared before it; such a statement runs again unnamed, and from then on stays unnamed on
 * that connection.
 */
export function preparingClient(limit: number): typeof Client {
  return class PreparingClient extends Client {
    private readonly prepared = new Set<string>();
    private readonly stale = new Set<string>();

    // biome-ignore lint/suspicious/noExplicitAny: pg's query() is overloaded; this forwards every form unchanged.
    override query(config: any, values?: any, callback?: any): any {
      const name = isParameterizedRead(config, values) ? this.nameFor(config) : null;
      if (!name) return super.query(config, values, callback);
      const result = (super.query({ name, text: config, values }) as Promise<QueryResult>).catch((error: { code?: string }) => {
        if (error.code !== CACHED_PLAN_CHANGED_RESULT_TYPE) throw error;
        this.stale.add(name);
        return super.query(config, values) as Promise<QueryResult>;
      });
      if (typeof callback !== "function") return result;
      // pg.Pool's query() passes a callback: answer through it, as pg does.
      result.then(
        (answer) => callback(null, answer),
        (error) => callback(error),
      );
      return undefined;
    }

    private nameFor(text: string): string | null {
      const name = `chancery_${createHash("sha1").update(text).digest("base64url")}`;
      if (this.stale.has(name)) return null;
      if (this.prepared.has(name)) return name;
      if (this.prepared.size >= limit) return null;
      this.prepared.add(name);
      return name;
    }
  };
}

function isParameterizedRead(config: unknown, values: unknown): config is string {
  return typeof config === "string" && Array.isArray(values) && values.length > 0 && PARAMETERIZED_READ.test(config);
}
