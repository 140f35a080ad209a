import type { EntityManager } from "typeorm";
import { RECORD_TABLES, type RecordTypeName } from "../entities/record-tables";
import { clientError, ErrorCode } from "../errors";
import { changedRows } from "./sql-rows";

/** A record row locked for this transaction. */
export interface LockedRecord {
  id: number;
  version: number;
}

function keyLabel(recordType: RecordTypeName): string {
  return RECORD_TABLES[recordType].keyColumn ?? "id";
}

/**
 * Locks the record (SELECT ... FOR UPDATE) and checks its version. Concurrent writers of the same
 * record queue on the row lock; each sees the version the previous one committed, so of many writers
 * holding the same `expectedVersion` exactly one passes and the others get CONFLICT with nothing written.
 * `key` is the human key's value (`by: "id"`, or a record without a human key: the internal id).
 */
export async function lockRecord(
  manager: EntityManager,
  recordType: RecordTypeName,
  key: string | number,
  expectedVersion?: number | null,
  by: "key" | "id" = typeof key === "number" ? "id" : "key",
): Promise<LockedRecord> {
  const { table, keyColumn } = RECORD_TABLES[recordType];
  const column = by === "id" ? "id" : (keyColumn ?? "id");
  const rows: LockedRecord[] = await manager.query(`SELECT id, version FROM "${table}" WHERE "${column}" = $1 FOR UPDATE`, [key]);
  if (rows.length === 0) {
    throw clientError(ErrorCode.NOT_FOUND, `no ${recordType} with ${keyLabel(recordType)} "${key}"`, { recordType, key });
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

/** Raises the record's version by one (and its updated_at); returns the new version. */
export async function bumpVersion(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<number> {
  const { table } = RECORD_TABLES[recordType];
  const rows = await changedRows<{ version: number }>(
    manager,
    `UPDATE "${table}" SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
    [id],
  );
  return rows[0].version;
}
