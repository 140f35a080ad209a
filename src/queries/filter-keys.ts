import { keyedTable } from "../entities/record-tables";
import { badInput, type InputProblem } from "../errors";
import type { SqlParams } from "./sql-params";

/**
 * The human keys a filter may name, by record type; `topicTree` stands for a topic slug and every topic below it.
 */
export type FilterKeyKind = "coalition" | "state" | "official" | "meeting" | "outcome" | "source" | "topic" | "topicTree";

/** What an unknown key of each kind is called in the error message. */
const NOUNS: Record<FilterKeyKind, string> = {
  coalition: "coalition",
  state: "state code",
  official: "official",
  meeting: "meeting",
  outcome: "outcome",
  source: "source",
  topic: "topic",
  topicTree: "topic",
};

interface WantedKey {
  kind: FilterKeyKind;
  key: string;
  path: string;
}

/**
 * The slugs and codes a filter tree names, turned into SQL that looks them up inside the statement that filters
 * (no statement of their own). Conditions use `ids`, an `int[]` subquery PostgreSQL runs once per statement; the
 * same statement selects `check().sql`, the positions of keys that name no record, and `check().reject` turns
 * them into one BAD_USER_INPUT naming each unknown key and its path.
 */
export class FilterKeys {
  private readonly wanted: WantedKey[] = [];

  constructor(private readonly params: SqlParams) {}

  want(kind: FilterKeyKind, keys: readonly string[] | null | undefined, path: string): void {
    keys?.forEach((key, index) => {
      this.wanted.push({ kind, key, path: `${path}[${index}]` });
    });
  }

  /**
   * The ids of the given keys (for `topicTree`, every topic of each subtree, the topics included). One key is a
   * scalar subquery, which PostgreSQL plans as `column = id` and can serve from an ordered index scan; `= ANY` of
   * an array it cannot see into makes it guess, and at 200k meetings it guessed a plan 2.3x slower.
   */
  ids(kind: FilterKeyKind, keys: readonly string[]): IdsSql {
    if (kind === "topicTree") return { sql: topicTreeIds(keys, this.params), single: false };
    const distinct = [...new Set(keys)];
    if (distinct.length === 0) return { sql: "'{}'::int[]", single: false };
    const { table, keyColumn } = keyedTable(kind);
    if (distinct.length === 1) {
      return { sql: `(SELECT id FROM ${table} WHERE ${keyColumn} = ${this.params.add(distinct[0])}::text)`, single: true };
    }
    return {
      sql: `ARRAY(SELECT id FROM ${table} WHERE ${keyColumn} = ANY(${this.params.add(distinct)}::text[]))`,
      single: false,
    };
  }

  /** The ids of the topics strictly below the given ones. */
  descendantIds(keys: readonly string[]): IdsSql {
    if (keys.length === 0) return { sql: "'{}'::int[]", single: false };
    const wanted = `${this.params.add([...new Set(keys)])}::text[]`;
    const roots = `SELECT c.id FROM topic c JOIN topic p ON p.id = c.parent_id WHERE p.slug = ANY(${wanted})`;
    return { sql: `ARRAY(${topicTreeSql(roots)})`, single: false };
  }

  /** The check every statement using these keys must run; null when the filter names no key. */
  check(): KeyCheck | null {
    if (this.wanted.length === 0) return null;
    const kinds = [...new Set(this.wanted.map((wanted) => (wanted.kind === "topicTree" ? "topic" : wanted.kind)))];
    const unknown = kinds.map((kind) => {
      const positions = this.wanted.flatMap((wanted, position) => (sameTable(wanted.kind, kind) ? [position] : []));
      const keys = this.params.add(positions.map((position) => this.wanted[position].key));
      const { table, keyColumn } = keyedTable(kind);
      return `SELECT w.position FROM unnest(${keys}::text[], ${this.params.add(positions)}::int[]) AS w(key, position)
        WHERE NOT EXISTS (SELECT 1 FROM ${table} k WHERE k.${keyColumn} = w.key)`;
    });
    return new KeyCheck(`ARRAY(${unknown.join(" UNION ALL ")})`, this.wanted);
  }
}

/** SQL giving the ids a key list names: one `int` (a scalar subquery, null when unknown) when `single`, else `int[]`. */
export interface IdsSql {
  sql: string;
  single: boolean;
}

/** SQL `int[]` of the positions (in the order the filter named them) of keys that name no record. */
export class KeyCheck {
  constructor(
    readonly sql: string,
    private readonly wanted: readonly WantedKey[],
  ) {}

  /** Throws one BAD_USER_INPUT naming every unknown key, given what `sql` selected. */
  reject(unknownPositions: readonly number[] | null | undefined): void {
    if (!unknownPositions || unknownPositions.length === 0) return;
    const problems: InputProblem[] = [...unknownPositions]
      .sort((a, b) => a - b)
      .map((position) => this.wanted[position])
      .map((wanted) => ({ path: wanted.path, message: `unknown ${NOUNS[wanted.kind]} "${wanted.key}"` }));
    throw badInput(problems);
  }
}

function sameTable(kind: FilterKeyKind, table: Exclude<FilterKeyKind, "topicTree">): boolean {
  return kind === table || (kind === "topicTree" && table === "topic");
}

/** SQL `int[]`: the ids of the topics with slugs `slugs` and of every topic below them (unknown slugs add nothing). */
export function topicTreeIds(slugs: readonly string[], params: SqlParams): string {
  if (slugs.length === 0) return "'{}'::int[]";
  const wanted = `${params.add([...new Set(slugs)])}::text[]`;
  return `ARRAY(${topicTreeSql(`SELECT id FROM topic WHERE slug = ANY(${wanted})`)})`;
}

/** Every topic id reached from `roots` (SQL selecting `id`) downwards; UNION stops at a topic already reached. */
function topicTreeSql(roots: string): string {
  return `WITH RECURSIVE tree(id) AS (${roots} UNION SELECT t.id FROM topic t JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree`;
}
