import type { EntityManager } from "typeorm";
import { sameValue } from "./same-value";

/** The many-to-many tables an import fills: owner column, target column (a whitelist; never from input). */
const LINK_TABLES = {
  meeting_topic: ["meeting_id", "topic_id"],
  meeting_sequence: ["meeting_id", "preceded_by_id"],
  outcome_topic: ["outcome_id", "topic_id"],
  outcome_party: ["outcome_id", "state_id"],
} as const;

export type LinkTable = keyof typeof LINK_TABLES;

function sorted(ids: number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}

/** Makes the owner's links exactly `targetIds` (a set); true when anything changed. */
export async function syncLinks(
  manager: EntityManager,
  table: LinkTable,
  ownerId: number,
  targetIds: number[],
  isNew: boolean,
): Promise<boolean> {
  const [owner, target] = LINK_TABLES[table];
  let stored: number[] = [];
  if (!isNew) {
    const rows: { target: number }[] = await manager.query(`SELECT ${target} AS target FROM ${table} WHERE ${owner} = $1`, [
      ownerId,
    ]);
    stored = rows.map((row) => row.target);
  }
  if (sameValue(sorted(stored), sorted(targetIds))) return false;
  if (!isNew) await manager.query(`DELETE FROM ${table} WHERE ${owner} = $1`, [ownerId]);
  if (targetIds.length > 0) {
    await manager.query(`INSERT INTO ${table} (${owner}, ${target}) SELECT $1, unnest($2::int[])`, [ownerId, targetIds]);
  }
  return true;
}
