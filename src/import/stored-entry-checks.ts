import type { EntityManager } from "typeorm";
import { DatePrecision } from "../entities/enums";
import type { BundleReader } from "./bundle-reader";
import type { MeetingInput, RecordBundle, RecordEntry } from "./bundle-types";
import { checkDatePrecision } from "./meeting-shape";

/**
 * Checks of record entries that depend on whether their records are stored: an entry is a patch, so
 * it may leave out required fields of a stored record but not of a new one, and a meeting entry giving
 * only its date or only its precision must fit the stored other. Each costs one statement per record
 * type, and only for the entries that need it (a bundle of complete entries costs none).
 */

/** Table and key column of each record type with required fields: a whitelist, never from input. */
const KEYED_TABLES = {
  source: { table: "source", column: "slug" },
  state: { table: "state", column: "code" },
  topic: { table: "topic", column: "slug" },
  coalition: { table: "coalition", column: "slug" },
  official: { table: "official", column: "slug" },
  meeting: { table: "meeting", column: "slug" },
  outcome: { table: "outcome", column: "slug" },
} as const;

type KeyedType = keyof typeof KEYED_TABLES;

function entriesByType(bundle: RecordBundle): [KeyedType, (RecordEntry & { key: string })[]][] {
  return [
    ["source", bundle.sources.map((entry) => ({ ...entry, key: entry.slug }))],
    ["state", bundle.states.map((entry) => ({ ...entry, key: entry.code }))],
    ["topic", bundle.topics.map((entry) => ({ ...entry, key: entry.slug }))],
    ["coalition", bundle.coalitions.map((entry) => ({ ...entry, key: entry.slug }))],
    ["official", bundle.officials.map((entry) => ({ ...entry, key: entry.slug }))],
    ["meeting", bundle.meetings.map((entry) => ({ ...entry, key: entry.slug }))],
    ["outcome", bundle.meetings.flatMap((meeting) => (meeting.outcomes ?? []).map((entry) => ({ ...entry, key: entry.slug })))],
  ];
}

/** The keys among `keys` that a stored record of the type has. */
async function storedKeys(manager: EntityManager, type: KeyedType, keys: string[]): Promise<Set<string>> {
  const { table, column } = KEYED_TABLES[type];
  const rows: { key: string }[] = await manager.query(`SELECT "${column}" AS key FROM "${table}" WHERE "${column}" = ANY($1)`, [
    keys,
  ]);
  return new Set(rows.map((row) => row.key));
}

/** A new record's entry must give every required field: each one left out is a problem at its path. */
async function reportMissingRequired(manager: EntityManager, reader: BundleReader, bundle: RecordBundle): Promise<void> {
  for (const [type, entries] of entriesByType(bundle)) {
    const incomplete = entries.filter((entry) => entry.missing.length > 0 && entry.key !== "");
    if (incomplete.length === 0) continue;
    const stored = await storedKeys(
      manager,
      type,
      incomplete.map((entry) => entry.key),
    );
    for (const entry of incomplete) {
      if (stored.has(entry.key)) continue;
      for (const path of entry.missing) reader.problem(path, `is required (no ${type} "${entry.key}" is stored yet)`);
    }
  }
}

/** A meeting entry giving only `date` or only `datePrecision`, checked with the stored other (a new meeting's precision is DAY). */
async function checkPatchedDates(manager: EntityManager, reader: BundleReader, meetings: MeetingInput[]): Promise<void> {
  const halves = meetings.filter((meeting) => (meeting.date === undefined) !== (meeting.datePrecision === undefined));
  if (halves.length === 0) return;
  const rows: { slug: string; date: string | null; precision: DatePrecision }[] = await manager.query(
    `SELECT slug, date::text AS date, date_precision AS precision FROM meeting WHERE slug = ANY($1)`,
    [halves.map((meeting) => meeting.slug)],
  );
  const stored = new Map(rows.map((row) => [row.slug, row]));
  for (const meeting of halves) {
    const before = stored.get(meeting.slug);
    if (!before) continue;
    const date = meeting.date === undefined ? before.date : meeting.date;
    const precision = meeting.datePrecision ?? before.precision ?? DatePrecision.DAY;
    checkDatePrecision(reader, date, precision, meeting.path, meeting.date === undefined ? "datePrecision" : "date");
  }
}

/** Checks what an entry may leave out, against what is stored. */
export async function checkStoredEntries(manager: EntityManager, reader: BundleReader, bundle: RecordBundle): Promise<void> {
  await reportMissingRequired(manager, reader, bundle);
  await checkPatchedDates(manager, reader, bundle.meetings);
}
