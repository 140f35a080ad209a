import type { EntityManager } from "typeorm";
import type { RecordOf } from "../entities/record-entities";
import { findEntryIds } from "../history/import-history";
import { snapshotRecord } from "../history/snapshots";
import { writeEntries } from "../import/import-bundle";
import { emptyBundle, entryKey } from "../import/read-bundle";
import { type Entry, RECORDS, type RecordTypeName } from "../records";
import { EntryReader, type JsonObject } from "../records/entry-reader";
import { readEntry } from "../records/record-description";
import { asEntryJson } from "./part-input";
import { type LockedRecord, loadRecord, lockRecord } from "./record-write";
import type { WriteContext } from "./write-context";

/** Where a mutation's problems are reported: `input.title`, as a bundle's are at `meetings[3].title`. */
const INPUT_PATH = "input";

/** The stored values of the key fields of a record (an update that leaves its key out keeps it). */
async function storedKey(manager: EntityManager, recordType: RecordTypeName, id: number): Promise<JsonObject> {
  const snapshot = (await snapshotRecord(manager, recordType, id)) ?? {};
  return Object.fromEntries(RECORDS[recordType].key.map((field) => [field, snapshot[field]]));
}

/** A key another record holds already is a problem at the key's (last) field. */
async function checkKeyFree<T extends RecordTypeName>(
  manager: EntityManager,
  recordType: T,
  entry: Entry<T>,
  ownId: number | null,
  reader: EntryReader,
): Promise<void> {
  const description = RECORDS[recordType];
  if (entryKey(recordType, entry).split("\u0000").includes("")) return;
  const [holder] = await findEntryIds(manager, recordType, [{ ...entry, storedId: undefined }]);
  if (holder === null || holder === ownId) return;
  const field = description.key[description.key.length - 1];
  const message =
    "keyTaken" in description
      ? description.keyTaken
      : `a ${recordType} with ${description.keyColumn} "${entryKey(recordType, entry)}" already exists`;
  reader.problem(`${INPUT_PATH}.${field}`, message);
}

/**
 * A mutation's create or update, as one entry through the import's pipeline: the same reader and rules
 * (problems at `input.<field>`), the same reference checks, upserts and history. An update locks its
 * record first (FOR UPDATE, CONFLICT on a stale `expectedVersion`) and names it by id, so it may change
 * the record's key; a create refuses a key already held. An update that changes nothing writes nothing:
 * same version, no history entry. Answers the record as stored after the write.
 */
export async function writeEntry<T extends RecordTypeName>(
  context: WriteContext,
  recordType: T,
  input: object,
  target?: { key: string | number; expectedVersion: number | null | undefined },
): Promise<RecordOf<T>> {
  const { manager } = context;
  const locked: LockedRecord | null = target ? await lockRecord(manager, recordType, target.key, target.expectedVersion) : null;
  const json = asEntryJson(input) as JsonObject;
  const given = locked ? { ...(await storedKey(manager, recordType, locked.id)), ...json } : json;
  const reader = new EntryReader();
  const entry = readEntry(reader, RECORDS[recordType], given, INPUT_PATH) as Entry<T>;
  entry.storedId = locked ? locked.id : null;
  await checkKeyFree(manager, recordType, entry, locked?.id ?? null, reader);
  const bundle = emptyBundle();
  (bundle[recordType] as Entry<T>[]).push(entry);
  await writeEntries(manager, reader, bundle, context.actor);
  const [id] = locked ? [locked.id] : await findEntryIds(manager, recordType, [entry]);
  return loadRecord(manager, recordType, id ?? 0);
}
