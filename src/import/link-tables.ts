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

/** The stored links of each owner id, one statement for all. */
export async function loadLinks(manager: EntityManager, table: LinkTable, ownerIds: number[]): Promise<Map<number, number[]>> {
  const byOwner = new Map<number, number[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return byOwner;
  const [owner, target] = LINK_TABLES[table];
  const rows: { owner: number; target: number }[] = await manager.query(
    `SELECT ${owner} AS owner, ${target} AS target FROM ${table} WHERE ${owner} = ANY($1)`,
    [ownerIds],
  );
  for (const row of rows) byOwner.get(row.owner)?.push(row.target);
  return byOwner;
}

/**
 * Makes the owner's links exactly `targetIds` (a set) given what is `stored` (null for a new owner,
 * which has none); true when anything changed. Undefined `targetIds` (a list the entry leaves out)
 * leaves the stored links alone.
 */
export async function syncLinks(
  manager: EntityManager,
  table: LinkTable,
  ownerId: number,
  targetIds: number[] | undefined,
  stored: number[] | null,
): Promise<boolean> {
  const [owner, target] = LINK_TABLES[table];
  if (targetIds === undefined) return false;
  if (sameValue(sorted(stored ?? []), sorted(targetIds))) return false;
  if (stored && stored.length > 0) await manager.query(`DELETE FROM ${table} WHERE ${owner} = $1`, [ownerId]);
  if (targetIds.length > 0) {
    await manager.query(`INSERT INTO ${table} (${owner}, ${target}) SELECT $1, unnest($2::int[])`, [ownerId, targetIds]);
  }
  return true;
}
