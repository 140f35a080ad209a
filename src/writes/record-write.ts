import type { EntityManager, EntityTarget } from "typeorm";
import { classifyDatabaseError } from "../db/database-errors";
import type { RecordBase } from "../entities/record-base";
import { RECORD_ENTITIES, type RecordOf } from "../entities/record-entities";
import { clientError, ErrorCode } from "../errors";
import { ChangeSet } from "../history/change-set";
import { RECORDS, type RecordTypeName } from "../records";
import { EntryReader } from "../records/entry-reader";
import { fromGlobalId } from "../schema/global-id";
import type { WriteContext } from "./write-context";

/** The record as stored now (a mutation's answer). */
export function loadRecord<T extends RecordTypeName>(manager: EntityManager, recordType: T, id: number): Promise<RecordOf<T>> {
  const entity: EntityTarget<RecordBase> = RECORD_ENTITIES[recordType];
  return manager.findOneByOrFail(entity, { id }) as Promise<RecordOf<T>>;
}

/** A record row locked for this transaction. */
export interface LockedRecord {
  id: number;
  version: number;
}

/**
 * Locks the record (SELECT ... FOR UPDATE) and checks its version. Concurrent writers of the same
 * record queue on the row lock; each sees the version the previous one committed, so of many writers
 * holding the same `expectedVersion` exactly one passes and the others get CONFLICT with nothing written.
 * `key` is the human key's value, or (a number) the internal id.
 */
export async function lockRecord(
  manager: EntityManager,
  recordType: RecordTypeName,
  key: string | number,
  expectedVersion?: number | null,
): Promise<LockedRecord> {
  const { table, keyColumn } = RECORDS[recordType];
  const column = typeof key === "number" ? "id" : (keyColumn ?? "id");
  const sql = `SELECT id, version FROM "${table}" WHERE "${column}" = $1`;
  const rows: LockedRecord[] = await manager.query(`${sql} FOR UPDATE`, [key]).catch(async (error: unknown) => {
    if (classifyDatabaseError(error) !== "LOCK_TIMEOUT") throw error;
    // The transaction is aborted; another connection reads the version (a plain read waits for no lock).
    const [current]: LockedRecord[] = await manager.connection.query(sql, [key]);
    throw clientError(
      ErrorCode.CONFLICT,
      `${recordType} "${key}" is being changed by another writer for longer than the lock timeout; retry`,
      {
        reason: "LOCK_TIMEOUT",
        retryable: true,
        currentVersion: current?.version ?? null,
      },
    );
  });
  if (rows.length === 0) {
    throw clientError(ErrorCode.NOT_FOUND, `no ${recordType} with ${keyColumn ?? "id"} "${key}"`, { recordType, key });
  }
  const row = rows[0];
  if (expectedVersion !== undefined && expectedVersion !== null && row.version !== expectedVersion) {
    throw clientError(
      ErrorCode.CONFLICT,
      `${recordType} "${key}" is at version ${row.version}, not the expected ${expectedVersion}: it changed since you read it`,
      { currentVersion: row.version, expectedVersion },
    );
  }
  return row;
}

/**
 * The frame of a change to one part of an existing record (a participant, a membership, a citation):
 * lock the record and check `expectedVersion` (CONFLICT when stale), let `check` report problems (all
 * thrown together, nothing written), then `apply` the change; the ChangeSet raises the version and
 * records the history when the record's snapshot changed.
 */
export async function changeRecord(
  context: WriteContext,
  recordType: RecordTypeName,
  key: string | number,
  expectedVersion: number | null | undefined,
  steps: {
    check?: (record: LockedRecord, reader: EntryReader) => Promise<void>;
    apply: (record: LockedRecord) => Promise<unknown>;
  },
): Promise<LockedRecord> {
  const record = await lockRecord(context.manager, recordType, key, expectedVersion);
  const reader = new EntryReader();
  await steps.check?.(record, reader);
  reader.throwIfProblems();
  const changes = new ChangeSet(context.manager);
  await changes.watch(recordType, [record.id]);
  await steps.apply(record);
  await changes.record(context.actor);
  return record;
}

/** A record's internal id from its global id; NOT_FOUND for an id of another type or none of ours. */
export function recordIdOf(recordType: RecordTypeName, globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (decoded?.typeName !== recordType) throw clientError(ErrorCode.NOT_FOUND, `no ${recordType} with id "${globalId}"`);
  return decoded.id;
}
