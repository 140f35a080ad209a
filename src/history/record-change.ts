import {
  type EntityManager,
  type EntitySubscriberInterface,
  EventSubscriber,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from "typeorm";
import { ChangeAction, RecordChange } from "../entities/record-change.entity";
import { insertRows } from "../import/bulk-rows";
import { progressAt } from "../import/import-progress";
import { RECORDS, type RecordTypeName } from "../records";
import { toGlobalId } from "../schema/global-id";

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
 * What a transaction has recorded for the history and not yet written, kept on its query runner, in
 * order: rows built in Node, or a statement that builds them in PostgreSQL (appendCreated).
 */
type PendingAppend = { rows: Partial<RecordChange>[] } | { append: (manager: EntityManager) => Promise<void> };

const PENDING = "chancery.pendingHistory";

function pendingOf(manager: EntityManager): PendingAppend[] {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error("the change history is written inside a write's transaction");
  const data = runner.data as Record<string, PendingAppend[] | undefined>;
  data[PENDING] ??= [];
  return data[PENDING];
}

/**
 * Defers a statement that appends to the history until just before the transaction commits (see
 * recordChanges); it runs after everything recorded before it.
 */
export function appendAtCommit(manager: EntityManager, append: (manager: EntityManager) => Promise<void>): void {
  pendingOf(manager).push({ append });
}

/**
 * Records entries for the change history, in their order, inside the caller's transaction: they are
 * written just before it commits (HistoryOnCommit), so an entry exists exactly when its change does.
 * Appending takes the history's commit-order lock (migration HistoryCommitOrder), held until COMMIT, so
 * it comes last: the lock is held for those statements and the commit, not for the reads a write does
 * after recording (answering a mutation, a cascade's next step). Every write path comes here: mutations,
 * nested writes, cascades and imports.
 */
export async function recordChanges(manager: EntityManager, changes: ChangeToRecord[]): Promise<void> {
  if (changes.length === 0) return;
  const pending = pendingOf(manager);
  const last = pending.at(-1);
  const batch = last && "rows" in last ? last : { rows: [] };
  if (batch !== last) pending.push(batch);
  for (const change of changes) {
    const actor = typeof change.actor === "string" ? { label: change.actor, apiKeyId: null } : change.actor;
    batch.rows.push({
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
}

/** Records one entry for the change history (see recordChanges). */
export function recordChange(manager: EntityManager, change: ChangeToRecord): Promise<void> {
  return recordChanges(manager, [change]);
}

/** Writes what a transaction recorded for the history as its last statements before COMMIT; a rollback discards it. */
@EventSubscriber()
export class HistoryOnCommit implements EntitySubscriberInterface {
  async beforeTransactionCommit({ queryRunner, manager }: TransactionCommitEvent): Promise<void> {
    const data = queryRunner.data as Record<string, PendingAppend[] | undefined>;
    const pending = data[PENDING] ?? [];
    delete data[PENDING];
    for (const item of pending) {
      if ("append" in item) {
        await item.append(manager);
        continue;
      }
      progressAt(`writing ${item.rows.length.toLocaleString("en")} history entries`);
      await insertRows(manager, RecordChange, item.rows);
    }
  }

  beforeTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    delete (queryRunner.data as Record<string, unknown>)[PENDING];
  }
}
