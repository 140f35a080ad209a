import type { EntityManager } from "typeorm";
import { RECORDS, type RecordTypeName } from "../records";

/**
 * Snapshots of records as the change history stores them: the record-bundle shape of docs/bundle-format.md,
 * references by human key, parts included (a meeting's outcomes too, as the bundle nests
 * them), so the `before` of any entry can be imported to revert a change. Each record description holds
 * its snapshot statement (`snapshot`, `$1` = the id).
 */
export type Snapshot = Record<string, unknown>;

/** The record's snapshot, or null when it does not exist (e.g. `before` of a CREATE). */
export async function snapshotRecord(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<Snapshot | null> {
  const rows: { snapshot: Snapshot }[] = await manager.query(RECORDS[recordType].snapshot, [id]);
  return rows[0]?.snapshot ?? null;
}

/**
 * The snapshots of many records of one type in one statement (the single-record query, run per id as
 * a subquery: its only parameter `$1` becomes the id), by id; ids with no record are left out.
 */
export async function snapshotRecords(
  manager: EntityManager,
  recordType: RecordTypeName,
  ids: number[],
): Promise<Map<number, Snapshot>> {
  const snapshots = new Map<number, Snapshot>();
  if (ids.length === 0) return snapshots;
  const perId = RECORDS[recordType].snapshot.replaceAll("$1", "wanted.id");
  const rows: { id: number; snapshot: Snapshot | null }[] = await manager.query(
    `SELECT wanted.id, (${perId}) AS snapshot FROM unnest($1::int[]) AS wanted(id)`,
    [[...new Set(ids)]],
  );
  for (const row of rows) if (row.snapshot !== null) snapshots.set(row.id, row.snapshot);
  return snapshots;
}
