import type { EntityManager } from "typeorm";
import { DatePrecision } from "../entities/enums";
import { RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../records";
import type { EntryReader } from "../records/entry-reader";
import { checkDatePrecision } from "../records/meeting.record";
import { entriesOf, entryKey, type RecordBundle } from "./read-bundle";

/**
 * Checks of record entries that depend on whether their records are stored: an entry is a patch, so
 * it may leave out required fields of a stored record but not of a new one, and a meeting entry giving
 * only its date or only its precision must fit the stored other. Each costs one statement per record
 * type, and only for the entries that need it (a bundle of complete entries costs none).
 */

/** The keys among `keys` that a stored record of the type has (an entry naming its stored record by id counts as stored). */
async function storedKeys(manager: EntityManager, type: RecordTypeName, keys: string[]): Promise<Set<string>> {
  const { table, keyColumn } = RECORDS[type];
  if (keyColumn === null) return new Set();
  const rows: { key: string }[] = await manager.query(
    `SELECT "${keyColumn}" AS key FROM "${table}" WHERE "${keyColumn}" = ANY($1)`,
    [keys],
  );
  return new Set(rows.map((row) => row.key));
}

/** A new record's entry must give every required field: each one left out is a problem at its path. */
async function reportMissingRequired(manager: EntityManager, reader: EntryReader, bundle: RecordBundle): Promise<void> {
  for (const type of RECORD_TYPE_NAMES) {
    const incomplete = entriesOf(bundle, type).filter(
      (entry) => entry.missing.length > 0 && entry.storedId == null && entryKey(type, entry) !== "",
    );
    if (incomplete.length === 0) continue;
    const stored = await storedKeys(
      manager,
      type,
      incomplete.map((entry) => entryKey(type, entry)),
    );
    for (const entry of incomplete) {
      const key = entryKey(type, entry);
      if (stored.has(key)) continue;
      for (const path of entry.missing) reader.problem(path, `is required (no ${RECORDS[type].name} "${key}" is stored yet)`);
    }
  }
}

/** A meeting entry giving only `date` or only `datePrecision`, checked with the stored other (a new meeting's precision is DAY). */
async function checkPatchedDates(manager: EntityManager, reader: EntryReader, bundle: RecordBundle): Promise<void> {
  const halves = bundle.Meeting.filter((meeting) => (meeting.date === undefined) !== (meeting.datePrecision === undefined));
  if (halves.length === 0) return;
  const rows: { id: number; slug: string; date: string | null; precision: DatePrecision }[] = await manager.query(
    `SELECT id, slug, date::text AS date, date_precision AS precision FROM meeting WHERE slug = ANY($1) OR id = ANY($2)`,
    [halves.map((meeting) => meeting.slug), halves.map((meeting) => meeting.storedId ?? 0)],
  );
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const meeting of halves) {
    const before = meeting.storedId == null ? bySlug.get(meeting.slug) : byId.get(meeting.storedId);
    if (!before) continue;
    const date = meeting.date === undefined ? before.date : meeting.date;
    const precision = meeting.datePrecision ?? before.precision ?? DatePrecision.DAY;
    checkDatePrecision(reader, date, precision, meeting.path, meeting.date === undefined ? "datePrecision" : "date");
  }
}

/** Checks what an entry may leave out, against what is stored. */
export async function checkStoredEntries(manager: EntityManager, reader: EntryReader, bundle: RecordBundle): Promise<void> {
  await reportMissingRequired(manager, reader, bundle);
  await checkPatchedDates(manager, reader, bundle);
}
