import type { EntityManager } from "typeorm";
import { ChangeAction, RecordChange } from "../entities/record-change.entity";
import { insertRows } from "../import/bulk-rows";
import { progressAt } from "../import/import-progress";
import { RECORDS, type RecordTypeName } from "../records";
import { toGlobalId } from "../schema/global-id";
import { inCommitOrder } from "./change-order";

/** Who made a change: an API key (its label and id) or a keyless actor such as "anonymous" or "cli". */
export interface ChangeActor {
  label: string;
  apiKeyId: number | null;
}

/** One change to append to the history. `before` is null for CREATE, `after` null for DELETE. */
export interface ChangeToRecord {
  actor: ChangeActor | string;
  recordType: RecordTypeName;
  recordId: number;
  action: ChangeAction | "CREATE" | "UPDATE" | "DELETE";
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The human key; taken from the snapshot (or the Statement's global id) when omitted. */
  recordKey?: string | null;
  /** The record's version after the change; read from the row when omitted (required for DELETE). */
  version?: number;
}

function humanKey(change: ChangeToRecord): string | null {
  if (change.recordKey !== undefined) return change.recordKey;
  const keyColumn = RECORDS[change.recordType].keyColumn;
  if (keyColumn === null) return toGlobalId(change.recordType, change.recordId);
  const snapshot = change.after ?? change.before;
  const key = snapshot?.[keyColumn];
  return typeof key === "string" ? key : null;
}

async function currentVersion(manager: EntityManager, change: ChangeToRecord): Promise<number> {
  if (change.version !== undefined) return change.version;
  const { table } = RECORDS[change.recordType];
  const rows: { version: number }[] = await manager.query(`SELECT version FROM "${table}" WHERE id = $1`, [change.recordId]);
  if (rows.length === 0) throw new Error(`recordChange: ${change.recordType} ${change.recordId} has no row; pass its version`);
  return rows[0].version;
}

/**
 * Appends entries to the change history, in their order, inside the caller's transaction (so an entry
 * exists exactly when its change does): one multi-row insert per chunk, taken in commit order. Every
 * write path comes here: mutations, nested writes, cascades and imports.
 */
export async function recordChanges(manager: EntityManager, changes: ChangeToRecord[]): Promise<void> {
  if (changes.length === 0) return;
  const rows: Partial<RecordChange>[] = [];
  for (const change of changes) {
    const actor = typeof change.actor === "string" ? { label: change.actor, apiKeyId: null } : change.actor;
    rows.push({
      actor: actor.label,
      apiKeyId: actor.apiKeyId,
      recordType: change.recordType,
      recordId: change.recordId,
      recordKey: humanKey(change),
      action: change.action as ChangeAction,
      before: change.before,
      after: change.after,
      version: await currentVersion(manager, change),
    });
  }
  await inCommitOrder(manager);
  progressAt(`writing ${rows.length.toLocaleString("en")} history entries`);
  await insertRows(manager, RecordChange, rows);
}

/** Appends one entry to the change history (see recordChanges). */
export function recordChange(manager: EntityManager, change: ChangeToRecord): Promise<void> {
  return recordChanges(manager, [change]);
}
