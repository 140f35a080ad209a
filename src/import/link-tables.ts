import type { EntityManager } from "typeorm";
import { CHUNK_ROWS, deleteRowsOf } from "./bulk-rows";
import { progressAt, progressRows } from "./import-progress";
import type { OwnedRows } from "./owned-rows";

/** Link tables an import syncs: each record's list of references (topics, predecessors, parties), owner column first. */
const LINK_TABLES = {
  meeting_topic: ["meeting_id", "topic_id"],
  meeting_sequence: ["meeting_id", "preceded_by_id"],
  outcome_topic: ["outcome_id", "topic_id"],
  outcome_party: ["outcome_id", "state_id"],
} as const;

export type LinkTable = keyof typeof LINK_TABLES;

/** A list of references as a set: sorted and without repeats (the order of links is not kept). */
export function linkSet(ids: number[] | undefined): number[] | undefined {
  return ids && [...new Set(ids)].sort((a, b) => a - b);
}

/** The links of a table as owned rows: each owner's targets, compared as sets (wanted ones go through `linkSet`). */
export function linkRows(table: LinkTable): OwnedRows<number> {
  const [owner, target] = LINK_TABLES[table];
  return {
    name: table,
    load: async (manager: EntityManager, ownerIds: number[]) => {
      const byOwner = new Map<number, number[]>(ownerIds.map((id) => [id, []]));
      const rows: { owner: number; target: number }[] = await manager.query(
        `SELECT ${owner} AS owner, ${target} AS target FROM ${table} WHERE ${owner} = ANY($1) ORDER BY ${target}`,
        [ownerIds],
      );
      for (const row of rows) byOwner.get(row.owner)?.push(row.target);
      return byOwner;
    },
    clear: (manager, ownerIds) => deleteRowsOf(manager, table, owner, ownerIds),
    insert: async (manager, rows) => {
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const chunk = rows.slice(start, start + CHUNK_ROWS);
        progressAt(`inserting ${table} rows (${start.toLocaleString("en")} of ${rows.length.toLocaleString("en")} written)`);
        await manager.query(`INSERT INTO ${table} (${owner}, ${target}) SELECT * FROM unnest($1::int[], $2::int[])`, [
          chunk.map((row) => row.ownerId),
          chunk.map((row) => row.value),
        ]);
        progressRows(table, chunk.length);
      }
    },
  };
}
