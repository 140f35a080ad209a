import type { EntityManager } from "typeorm";
import { ChangeAction } from "../entities/record-change.entity";
import { RECORD_TABLES, type RecordTypeName } from "../entities/record-tables";
import { clientError, ErrorCode } from "../errors";
import { recordChange } from "../history/record-change";
import { snapshotRecord } from "../history/snapshots";
import type { DeleteRecordPayload, DependantGroup } from "../schema/delete-result";
import { toGlobalId } from "../schema/global-id";
import { DEPENDANT_RULES, type DependantRule } from "./dependant-rules";
import { meetingIdOfOutcome, withMeetingsOfOutcome } from "./meeting-of-outcome";
import { bumpVersion, lockRecord } from "./versioned-record";
import type { WriteContext } from "./write-context";

interface FoundDependants {
  rule: DependantRule;
  rows: { id: number; key: string | null }[];
}

async function findDependants(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<FoundDependants[]> {
  const found: FoundDependants[] = [];
  for (const rule of DEPENDANT_RULES[recordType]) {
    const rows: { id: number; key: string | null }[] = await manager.query(rule.find, [id]);
    if (rows.length > 0) found.push({ rule, rows });
  }
  return found;
}

function groupOf({ rule, rows }: FoundDependants): DependantGroup {
  return {
    recordType: rule.recordType,
    relation: rule.relation,
    count: rows.length,
    keys: rows.map((row) => row.key ?? toGlobalId(rule.recordType, row.id)),
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

/** Detaches every `update` dependant, then raises each one's version once and records its before and after. */
async function detachDependants(context: WriteContext, recordId: number, found: FoundDependants[]): Promise<void> {
  const affected = new Map<string, { recordType: RecordTypeName; id: number; before: Record<string, unknown> | null }>();
  const touch = async (recordType: RecordTypeName, id: number) => {
    if (affected.has(`${recordType}:${id}`)) return;
    const before = await snapshotRecord(context.manager, recordType, id);
    affected.set(`${recordType}:${id}`, { recordType, id, before });
  };
  for (const { rule, rows } of found) {
    for (const row of rows) {
      await touch(rule.recordType, row.id);
      // A meeting's snapshot nests its outcomes: changing an outcome changes its meeting too.
      if (rule.recordType === "Outcome") await touch("Meeting", await meetingIdOfOutcome(context, row.id));
    }
  }
  for (const { rule } of found) if (rule.detach) await context.manager.query(rule.detach, [recordId]);
  for (const { recordType, id, before } of affected.values()) {
    const version = await bumpVersion(context.manager, recordType, id);
    const after = await snapshotRecord(context.manager, recordType, id);
    await recordChange(context.manager, {
      actor: context.actor,
      recordType,
      recordId: id,
      action: ChangeAction.UPDATE,
      before,
      after,
      version,
    });
  }
}

/** Deletes a locked record; with `cascade`, its dependants first (each recorded in the history). */
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
  for (const { rule, rows } of found.filter((entry) => entry.rule.cascade === "delete")) {
    for (const row of rows) {
      const dependant = await lockRecord(context.manager, rule.recordType, row.id, null, "id");
      await deleteLocked(context, rule.recordType, dependant, row.key ?? toGlobalId(rule.recordType, row.id), true);
    }
  }
  await detachDependants(
    context,
    record.id,
    found.filter((entry) => entry.rule.cascade === "update"),
  );
  await context.manager.query(`DELETE FROM "${RECORD_TABLES[recordType].table}" WHERE id = $1`, [record.id]);
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
 * record, unless `cascade` is true; then the dependants are deleted or detached first, per DEPENDANT_RULES.
 */
export async function deleteRecord(
  context: WriteContext,
  recordType: RecordTypeName,
  key: string | number,
  options: { cascade?: boolean | null; expectedVersion?: number | null } = {},
): Promise<DeleteRecordPayload> {
  const record = await lockRecord(context.manager, recordType, key, options.expectedVersion);
  const label = typeof key === "number" ? toGlobalId(recordType, key) : key;
  const remove = () => deleteLocked(context, recordType, record, label, options.cascade === true);
  // An outcome is part of its meeting's record; deleting a meeting deletes its outcomes without this.
  const cascaded =
    recordType === "Outcome"
      ? await withMeetingsOfOutcome(context, [await meetingIdOfOutcome(context, record.id)], remove)
      : await remove();
  return { deletedId: toGlobalId(recordType, record.id), recordType, key: label, version: record.version, cascaded };
}
