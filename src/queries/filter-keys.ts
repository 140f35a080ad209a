import type { DataSource } from "typeorm";
import { keyedTable } from "../entities/record-tables";
import { badInput, type InputProblem } from "../errors";
import { SqlParams } from "./sql-params";

/**
 * The human keys a filter may name, by record type; `topicTree` resolves a topic slug to the topic and all its
 * descendants (ids ordered from the topic itself downwards, so the first id is the topic).
 */
export type FilterKeyKind = "coalition" | "state" | "official" | "meeting" | "outcome" | "source" | "topic" | "topicTree";

/** What an unknown key of each kind is called in the error message. */
const NOUNS: Record<Exclude<FilterKeyKind, "topicTree">, string> = {
  coalition: "coalition",
  state: "state code",
  official: "official",
  meeting: "meeting",
  outcome: "outcome",
  source: "source",
  topic: "topic",
};

interface WantedKey {
  kind: FilterKeyKind;
  key: string;
  path: string;
}

/**
 * Collects every slug or code a filter tree names, resolves them all in ONE SQL statement, and reports every
 * unknown one (with its path) as a single BAD_USER_INPUT error.
 */
export class FilterKeys {
  private readonly wanted: WantedKey[] = [];
  private readonly resolved = new Map<string, number[]>();

  want(kind: FilterKeyKind, keys: readonly string[] | null | undefined, path: string): void {
    keys?.forEach((key, index) => {
      this.wanted.push({ kind, key, path: `${path}[${index}]` });
    });
  }

  async resolve(dataSource: DataSource): Promise<void> {
    if (this.wanted.length === 0) return;
    const params = new SqlParams();
    const parts: string[] = [];
    let ctes = "";
    for (const kind of new Set(this.wanted.map((wanted) => wanted.kind))) {
      const keys = params.add([...new Set(this.wanted.filter((wanted) => wanted.kind === kind).map((wanted) => wanted.key))]);
      if (kind === "topicTree") {
        ctes = `WITH RECURSIVE topic_tree(root, id, depth) AS (
          SELECT slug::text, id, 0 FROM topic WHERE slug = ANY(${keys}::text[])
          UNION ALL SELECT tt.root, t.id, tt.depth + 1 FROM topic t JOIN topic_tree tt ON t.parent_id = tt.id)`;
        parts.push(
          `SELECT 'topicTree' AS kind, root AS key, array_agg(id ORDER BY depth, id) AS ids FROM topic_tree GROUP BY root`,
        );
      } else {
        const { table, keyColumn: column } = keyedTable(kind);
        parts.push(
          `SELECT '${kind}' AS kind, ${column}::text AS key, ARRAY[id] AS ids FROM ${table} WHERE ${column} = ANY(${keys}::text[])`,
        );
      }
    }
    const rows: { kind: FilterKeyKind; key: string; ids: number[] }[] = await dataSource.query(
      `${ctes} ${parts.join(" UNION ALL ")}`,
      params.values,
    );
    for (const row of rows) this.resolved.set(mapKey(row.kind, row.key), row.ids);
    const problems: InputProblem[] = this.wanted
      .filter((wanted) => !this.resolved.has(mapKey(wanted.kind, wanted.key)))
      .map((wanted) => ({ path: wanted.path, message: `unknown ${nounOf(wanted.kind)} "${wanted.key}"` }));
    if (problems.length > 0) throw badInput(problems);
  }

  /** The ids of the given keys (for `topicTree`, every topic of each subtree); call after `resolve`. */
  ids(kind: FilterKeyKind, keys: readonly string[]): number[] {
    return [...new Set(keys.flatMap((key) => this.resolved.get(mapKey(kind, key)) ?? []))];
  }

  /** The ids strictly below the given topics (their descendants, not the topics themselves). */
  descendantIds(keys: readonly string[]): number[] {
    return [...new Set(keys.flatMap((key) => (this.resolved.get(mapKey("topicTree", key)) ?? []).slice(1)))];
  }
}

function mapKey(kind: FilterKeyKind, key: string): string {
  return `${kind}\u0000${key}`;
}

function nounOf(kind: FilterKeyKind): string {
  return kind === "topicTree" ? "topic" : NOUNS[kind];
}
