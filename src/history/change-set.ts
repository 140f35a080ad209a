import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import { isRecordTypeName, RECORDS, type RecordDescription, type RecordTypeName } from "../records";
import { changedRows } from "../writes/sql-rows";
import { type ChangeActor, recordChange } from "./record-change";
import { type Snapshot, snapshotRecords } from "./snapshots";

interface WatchedRecord {
  recordType: RecordTypeName;
  id: number;
  before: Snapshot | null;
}

/**
 * The one way a write raises versions and records history (mutations, nested writes, cascades and
 * imports alike): the records a write may change are watched before it (their snapshots read), and
 * after it each one whose snapshot differs gets its version raised by one and one history entry; a
 * record created by the write keeps version 1 and gets a CREATE. A record whose snapshot did not change
 * gets neither, so an update that changes nothing answers the record as it was. Snapshots are read per
 * record type, one statement each. A record contained in another's snapshot (an outcome in its
 * meeting's) brings its container along.
 */
export class ChangeSet {
  private readonly watched = new Map<string, WatchedRecord>();

  constructor(private readonly manager: EntityManager) {}

  /** Watches stored records (and their containers) before the write. */
  async watch(recordType: RecordTypeName, ids: number[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.watched.has(`${recordType}:${id}`));
    if (fresh.length === 0) return;
    const snapshots = await snapshotRecords(this.manager, recordType, fresh);
    for (const id of fresh) this.watched.set(`${recordType}:${id}`, { recordType, id, before: snapshots.get(id) ?? null });
    const { container }: RecordDescription = RECORDS[recordType];
    if (container && isRecordTypeName(container.type)) {
      const rows: { id: number }[] = await this.manager.query(
        `SELECT DISTINCT "${container.column}" AS id FROM "${RECORDS[recordType].table}" WHERE id = ANY($1)`,
        [fresh],
      );
      await this.watch(
        container.type,
        rows.map((row) => row.id),
      );
    }
  }

  /** Notes records the write created (or found only after it): their `before` is what was watched, else nothing. */
  created(recordType: RecordTypeName, ids: number[]): void {
    for (const id of ids) {
      const key = `${recordType}:${id}`;
      if (!this.watched.has(key)) this.watched.set(key, { recordType, id, before: null });
    }
  }

  /** After the write: one version and one entry for each watched record whose snapshot changed. */
  async record(actor: ChangeActor | string): Promise<void> {
    const byType = new Map<RecordTypeName, WatchedRecord[]>();
    for (const record of this.watched.values()) byType.set(record.recordType, [...(byType.get(record.recordType) ?? []), record]);
    for (const [recordType, records] of byType) {
      const after = await snapshotRecords(
        this.manager,
        recordType,
        records.map((record) => record.id),
      );
      for (const record of records) await this.recordOne(actor, record, after.get(record.id) ?? null);
    }
  }

  private async recordOne(actor: ChangeActor | string, record: WatchedRecord, after: Snapshot | null): Promise<void> {
    // A record gone after the write was deleted by it; deletes record their own entry.
    if (after === null || JSON.stringify(record.before) === JSON.stringify(after)) return;
    const { recordType, id, before } = record;
    const version = before === null ? 1 : await raiseVersion(this.manager, recordType, id);
    const action = before === null ? ChangeAction.CREATE : ChangeAction.UPDATE;
    await recordChange(this.manager, { actor, recordType, recordId: id, action, before, after, version });
  }
}

/** Raises a record's version by one (and its updated_at); answers the new version. */
async function raiseVersion(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<number> {
  const rows = await changedRows<{ version: number }>(
    manager,
    `UPDATE "${RECORDS[recordType].table}" SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [id],
  );
  return rows[0].version;
}
