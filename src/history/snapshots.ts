import type { EntityManager } from "typeorm";
import { RECORDS, type RecordTypeName } from "../records";

/**
 * Snapshots of records as the change history stores them: the record-bundle shape of docs/bundle-format.md,
 * references by human key, parts included (a meeting's outcomes too, as the bundle nests
 * them), so the `before` of any entry can be imported to revert a change. Each record description holds
 * its snapshot statement (`snapshot`, `$1` = the ids).
 */
export type Snapshot = Record<string, unknown>;

/** The record's snapshot, or null when it does not exist (e.g. `before` of a CREATE). */
export async function snapshotRecord(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<Snapshot | null> {
  return (await snapshotRecords(manager, recordType, [id])).get(id) ?? null;
}

/** The snapshots of many records of one type in one statement, by id; ids with no record are left out. */
export async function snapshotRecords(
  manager: EntityManager,
  recordType: RecordTypeName,
  ids: number[],
): Promise<Map<number, Snapshot>> {
  if (ids.length === 0) return new Map();
  const rows: { id: number; snapshot: Snapshot }[] = await manager.query(RECORDS[recordType].snapshot, [[...new Set(ids)]]);
  return new Map(rows.map((row) => [row.id, row.snapshot]));
}
