import type { EntityManager } from "typeorm";
import { entriesOf, entryKey, type RecordBundle } from "../import/read-bundle";
import { type Entry, RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../records";
import { ChangeSet } from "./change-set";
import type { ChangeActor } from "./record-change";

/**
 * The stored ids of entries, aligned with them (null for an entry whose record is not stored): the id an
 * entry names, else the record its key finds. One statement per call.
 */
export async function findEntryIds<T extends RecordTypeName>(
  manager: EntityManager,
  type: T,
  entries: Entry<T>[],
): Promise<(number | null)[]> {
  const byKey = entries.filter((entry) => entry.storedId == null);
  if (byKey.length === 0) return entries.map((entry) => entry.storedId ?? null);
  const { table, keyColumn } = RECORDS[type];
  const keys = byKey.map((entry) => entryKey(type, entry));
  const rows: { id: number; key: string }[] =
    keyColumn === null
      ? await findStatementIds(manager, keys)
      : await manager.query(`SELECT id, "${keyColumn}" AS key FROM "${table}" WHERE "${keyColumn}" = ANY($1)`, [keys]);
  const found = new Map(rows.map((row) => [row.key, row.id]));
  return entries.map((entry) => entry.storedId ?? found.get(entryKey(type, entry)) ?? null);
}

/** Statements by their key (official and text: the unique index statement_natural_key), joined as entryKey joins them. */
async function findStatementIds(manager: EntityManager, keys: string[]): Promise<{ id: number; key: string }[]> {
  const rows: { id: number; official: string; text: string }[] = await manager.query(
    `SELECT s.id, o.slug AS official, s.text FROM statement s JOIN official o ON o.id = s.official_id
       JOIN unnest($1::text[], $2::text[]) AS wanted(official, text) ON o.slug = wanted.official AND md5(s.text) = md5(wanted.text)`,
    [keys.map((joined) => joined.split("\u0000")[0]), keys.map((joined) => joined.slice(joined.indexOf("\u0000") + 1))],
  );
  return rows.map((row) => ({ id: row.id, key: `${row.official}\u0000${row.text}` }));
}

async function findAll(manager: EntityManager, bundle: RecordBundle, type: RecordTypeName): Promise<number[]> {
  const entries = entriesOf(bundle, type);
  if (entries.length === 0) return [];
  const ids = await findEntryIds(manager, type, entries);
  return ids.filter((id) => id !== null);
}

/** Meetings that outcome entries move their outcomes to: their snapshots change too. */
function meetingsNamedByOutcomes(bundle: RecordBundle): Entry<"Meeting">[] {
  return bundle.Outcome.flatMap((outcome) => (outcome.meeting ? [{ path: "", missing: [], slug: outcome.meeting }] : []));
}

/**
 * The change history of a set of entries (an import's, or one mutation's), around their writes: the
 * records they name are watched before (found by key, or by the id an entry names) and found again after
 * (records created meanwhile), and the ChangeSet records each one whose snapshot changed. A record the
 * write left alone gets no entry, so re-importing a bundle adds no history.
 */
export class ImportHistory {
  private constructor(
    private readonly bundle: RecordBundle,
    private readonly changes: ChangeSet,
  ) {}

  static async before(manager: EntityManager, bundle: RecordBundle): Promise<ImportHistory> {
    const changes = new ChangeSet(manager);
    for (const type of RECORD_TYPE_NAMES) await changes.watch(type, await findAll(manager, bundle, type));
    const meetings = meetingsNamedByOutcomes(bundle);
    if (meetings.length > 0)
      await changes.watch(
        "Meeting",
        (await findEntryIds(manager, "Meeting", meetings)).filter((id) => id !== null),
      );
    return new ImportHistory(bundle, changes);
  }

  async record(manager: EntityManager, actor: ChangeActor | string): Promise<void> {
    for (const type of RECORD_TYPE_NAMES) this.changes.created(type, await findAll(manager, this.bundle, type));
    await this.changes.record(actor);
  }
}
