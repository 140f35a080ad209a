import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import { progressAt } from "../import/import-progress";
import { isRecordTypeName, RECORDS, type RecordDescription, type RecordTypeName } from "../records";
import { changedRows } from "../writes/sql-rows";
import { appendCreated } from "./created-history";
import { type ChangeActor, type ChangeToRecord, recordChanges } from "./record-change";
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

  /**
   * After the write: one version and one entry for each watched record whose snapshot changed. Per record
   * type one snapshot statement and one version update for the records watched before the write; the
   * records it created (no `before`) get their CREATE entries in one statement per type that reads their
   * snapshots inside PostgreSQL (appendCreated). Entries keep the watched order within each type.
   */
  async record(actor: ChangeActor | string): Promise<void> {
    const byType = new Map<RecordTypeName, WatchedRecord[]>();
    for (const record of this.watched.values()) {
      const records = byType.get(record.recordType);
      if (records) records.push(record);
      else byType.set(record.recordType, [record]);
    }
    const appends: ({ changes: ChangeToRecord[] } | { recordType: RecordTypeName; created: number[] })[] = [];
    for (const [recordType, all] of byType) {
      const records = all.filter((record) => record.before !== null);
      if (records.length > 0)
        progressAt(
          `reading ${records.length.toLocaleString("en")} ${RECORDS[recordType].section} after the write, for the history`,
        );
      const after = await snapshotRecords(
        this.manager,
        recordType,
        records.map((record) => record.id),
      );
      // A record gone after the write was deleted by it; deletes record their own entry.
      const changed = records.filter((record) => {
        const snapshot = after.get(record.id);
        return snapshot !== undefined && JSON.stringify(record.before) !== JSON.stringify(snapshot);
      });
      const versions = await raiseVersions(
        this.manager,
        recordType,
        changed.map((record) => record.id),
      );
      const changes = changed.map(({ id, before }) => ({
        actor,
        recordType,
        recordId: id,
        action: ChangeAction.UPDATE,
        before,
        after: after.get(id) ?? null,
        version: versions.get(id) ?? 1,
      }));
      const last = appends.at(-1);
      if (last && "changes" in last) last.changes.push(...changes);
      else if (changes.length > 0) appends.push({ changes });
      const created = all.filter((record) => record.before === null).map((record) => record.id);
      if (created.length > 0) appends.push({ recordType, created });
    }
    for (const append of appends) {
      if ("changes" in append) await recordChanges(this.manager, append.changes);
      else appendCreated(this.manager, actor, append.recordType, append.created);
    }
  }
}

/** Raises the records' versions by one (and their updated_at), in one statement; answers the new versions by id. */
async function raiseVersions(manager: EntityManager, recordType: RecordTypeName, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await changedRows<{ id: number; version: number }>(
    manager,
    `UPDATE "${RECORDS[recordType].table}" SET version = version + 1, updated_at = now() WHERE id = ANY($1::int[]) RETURNING id, version`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.version]));
}
