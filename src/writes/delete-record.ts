import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import { clientError, ErrorCode } from "../errors";
import { ChangeSet } from "../history/change-set";
import { recordChange } from "../history/record-change";
import { snapshotRecord } from "../history/snapshots";
import { type DependantRule, dependantsOf, isRecordTypeName, RECORDS, type RecordTypeName } from "../records";
import type { DeleteRecordPayload, DependantGroup } from "../schema/delete-result";
import { toGlobalId } from "../schema/global-id";
import { lockRecord } from "./record-write";
import type { WriteContext } from "./write-context";

interface FoundDependants {
  rule: DependantRule;
  recordType: RecordTypeName;
  rows: { id: number; key: string | null }[];
}

/** The dependants of a record, by the rules of its description and the references to its type. */
async function findDependants(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<FoundDependants[]> {
  const found: FoundDependants[] = [];
  for (const rule of dependantsOf(recordType)) {
    if (!isRecordTypeName(rule.recordType)) throw new Error(`${recordType}: dependant type ${rule.recordType} is not described`);
    const rows: { id: number; key: string | null }[] = await manager.query(rule.find, [id]);
    if (rows.length > 0) found.push({ rule, recordType: rule.recordType, rows });
  }
  return found;
}

function groupOf({ rule, recordType, rows }: FoundDependants): DependantGroup {
  return {
    recordType,
    relation: rule.relation,
    count: rows.length,
    keys: rows.map((row) => row.key ?? toGlobalId(recordType, row.id)),
    cascade: rule.cascade === "delete" ? "DELETE" : "UPDATE",
  };
}

function refusal(recordType: RecordTypeName, key: string, groups: DependantGroup[]) {
  const named = groups.map((group) => `${group.count} ${group.recordType} as ${group.relation} (${group.keys.join(", ")})`);
  return clientError(
    ErrorCode.CONFLICT,
    `${recordType} "${key}" has dependants: ${named.join("; ")}. Delete with cascade: true to delete or detach them too`,
    { dependants: groups },
  );
}

/** Deletes a locked record; with `cascade`, its dependants first (each detached one recorded as an UPDATE before the DELETE). */
async function deleteLocked(
  context: WriteContext,
  recordType: RecordTypeName,
  record: { id: number; version: number },
  key: string,
  cascade: boolean,
): Promise<DependantGroup[]> {
  const found = await findDependants(context.manager, recordType, record.id);
  const groups = found.map(groupOf);
  if (found.length > 0 && !cascade) throw refusal(recordType, key, groups);
  const before = await snapshotRecord(context.manager, recordType, record.id);
  for (const { recordType: dependantType, rows } of found.filter((entry) => entry.rule.cascade === "delete")) {
    for (const row of rows) {
      const dependant = await lockRecord(context.manager, dependantType, row.id);
      await deleteLocked(context, dependantType, dependant, row.key ?? toGlobalId(dependantType, row.id), true);
    }
  }
  const detached = new ChangeSet(context.manager);
  const updated = found.filter((entry) => entry.rule.cascade === "update");
  for (const { recordType: dependantType, rows } of updated) {
    await detached.watch(
      dependantType,
      rows.map((row) => row.id),
    );
  }
  for (const { rule } of updated) if (rule.detach) await context.manager.query(rule.detach, [record.id]);
  await detached.record(context.actor);
  await context.manager.query(`DELETE FROM "${RECORDS[recordType].table}" WHERE id = $1`, [record.id]);
  await recordChange(context.manager, {
    actor: context.actor,
    recordType,
    recordId: record.id,
    action: ChangeAction.DELETE,
    before,
    after: null,
    version: record.version,
  });
  return groups;
}

/**
 * `delete<Type>`: refuses with CONFLICT (naming every dependant) when other records depend on the
 * record, unless `cascade` is true; then the dependants are deleted or detached first, per the record
 * description's `dependants`. Records holding the deleted one (an outcome's meeting) and detached
 * dependants get a new version and an UPDATE entry.
 */
export async function deleteRecord(
  context: WriteContext,
  recordType: RecordTypeName,
  key: string | number,
  options: { cascade?: boolean | null; expectedVersion?: number | null } = {},
): Promise<DeleteRecordPayload> {
  const record = await lockRecord(context.manager, recordType, key, options.expectedVersion);
  const label = typeof key === "number" ? toGlobalId(recordType, key) : key;
  const changes = new ChangeSet(context.manager);
  await changes.watch(recordType, [record.id]);
  const cascaded = await deleteLocked(context, recordType, record, label, options.cascade === true);
  await changes.record(context.actor);
  return { deletedId: toGlobalId(recordType, record.id), recordType, key: label, version: record.version, cascaded };
}
