import { type Entry, RECORD_TYPE_NAMES, RECORDS, type RecordTypeName } from "../records";
import { EntryReader } from "../records/entry-reader";
import { readEntry } from "../records/record-description";

/**
 * A record bundle once read: each record type's entries, in the bundle's order. Each entry is a patch of
 * the record its key names (see readEntry); `path` is where it sits, for messages.
 */
export type RecordBundle = { [T in RecordTypeName]: Entry<T>[] };

export function emptyBundle(): RecordBundle {
  return Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, []])) as unknown as RecordBundle;
}

/** A record's key as one string (a statement's official and text joined by a character no slug holds). */
export function entryKey(type: RecordTypeName, entry: Record<string, unknown>): string {
  return RECORDS[type].key.map((field) => String(entry[field] ?? "")).join("\u0000");
}

/** Every entry of a type, outcomes nested in meetings included. */
export function entriesOf<T extends RecordTypeName>(bundle: RecordBundle, type: T): Entry<T>[] {
  if (type !== "Outcome") return bundle[type];
  const nested = bundle.Meeting.flatMap((meeting) => meeting.outcomes ?? []);
  return [...bundle.Outcome, ...nested] as Entry<T>[];
}

/** Human keys given twice anywhere in the bundle (outcomes are keyed across all meetings). */
function reportDuplicateKeys(reader: EntryReader, bundle: RecordBundle): void {
  for (const type of RECORD_TYPE_NAMES) {
    const seen = new Map<string, string>();
    for (const entry of entriesOf(bundle, type)) {
      const key = entryKey(type, entry);
      if (key === "" || key.startsWith("\u0000")) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, entry.path);
      else reader.problem(entry.path, `the same ${RECORDS[type].name} is already at ${first}`);
    }
  }
}

/** Reads a bundle by the record descriptions; returns the entries and the reader holding problems and references. */
export function readBundle(raw: unknown): { bundle: RecordBundle; reader: EntryReader } {
  const reader = new EntryReader();
  const bundle = emptyBundle();
  const root = reader.object(
    raw,
    "",
    RECORD_TYPE_NAMES.map((type) => RECORDS[type].section),
  );
  if (!root) return { bundle, reader };
  for (const type of RECORD_TYPE_NAMES) {
    const { section } = RECORDS[type];
    const list = root[section];
    if (list === undefined || list === null) continue;
    const entries: Record<string, unknown>[] = bundle[type];
    for (const item of reader.items(list, section)) {
      const entry = readEntry(reader, RECORDS[type], item.value, item.path);
      if (entry) entries.push(entry);
    }
  }
  reportDuplicateKeys(reader, bundle);
  return { bundle, reader };
}
