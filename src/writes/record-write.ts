import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import { RECORD_TABLES, type RecordTypeName } from "../entities/record-tables";
import { recordChange, recordUpdate } from "../history/record-change";
import { snapshotRecord } from "../history/snapshots";
import { Problems } from "./problems";
import { validateInput } from "./validate-input";
import { type LockedRecord, lockRecord } from "./versioned-record";
import type { WriteContext } from "./write-context";

/** True when another record of the type already holds this human key. */
export async function keyTaken(manager: EntityManager, recordType: RecordTypeName, key: string, exceptId = 0): Promise<boolean> {
  const { table, keyColumn } = RECORD_TABLES[recordType];
  const rows: unknown[] = await manager.query(`SELECT 1 FROM "${table}" WHERE "${keyColumn ?? "id"}" = $1 AND id <> $2`, [
    key,
    exceptId,
  ]);
  return rows.length > 0;
}

/** Reports a human key already held by another record of the type. */
export async function checkKeyFree(
  manager: EntityManager,
  recordType: RecordTypeName,
  key: string | undefined,
  path: string,
  problems: Problems,
  exceptId = 0,
): Promise<void> {
  if (key === undefined) return;
  const keyName = RECORD_TABLES[recordType].keyColumn;
  if (await keyTaken(manager, recordType, key, exceptId))
    problems.add(path, `a ${recordType} with ${keyName} "${key}" already exists`);
}

/** The problems of an input's own rules, collected (not thrown) so reference problems can join them. */
export async function inputProblems(input: object): Promise<Problems> {
  const problems = new Problems();
  problems.addAll(await validateInput(input));
  return problems;
}

/** Records the CREATE of a record just inserted (version 1). */
export async function recordCreation(context: WriteContext, recordType: RecordTypeName, id: number): Promise<void> {
  const after = await snapshotRecord(context.manager, recordType, id);
  await recordChange(context.manager, {
    actor: context.actor,
    recordType,
    recordId: id,
    action: ChangeAction.CREATE,
    before: null,
    after,
    version: 1,
  });
}

/**
 * The frame of every change to an existing record (updates and nested writes): lock it and check
 * `expectedVersion` (CONFLICT when stale), let `check` collect problems (all thrown together), then
 * `apply` the change (which must raise the version once) between two snapshots for the history.
 */
export async function changeRecord(
  context: WriteContext,
  recordType: RecordTypeName,
  key: string | number,
  expectedVersion: number | null | undefined,
  steps: {
    problems?: Problems;
    check?: (record: LockedRecord, problems: Problems) => Promise<void>;
    apply: (record: LockedRecord) => Promise<unknown>;
  },
): Promise<LockedRecord> {
  const record = await lockRecord(context.manager, recordType, key, expectedVersion);
  const problems = steps.problems ?? new Problems();
  await steps.check?.(record, problems);
  problems.throwIfAny();
  await recordUpdate(context.manager, context.actor, recordType, record.id, () => steps.apply(record));
  return record;
}
