import type { EntityManager, EntityTarget } from "typeorm";
import type { RecordBase } from "../entities/record-base";
import { RECORD_ENTITIES } from "../entities/record-entities";
import { RECORDS, type RecordEntry, type RecordTypeName } from "../records";
import type { ReferenceType } from "../records/entry-reader";
import { allocateIds, insertRows, updateRows } from "./bulk-rows";
import { progressAt } from "./import-progress";
import type { ImportTally } from "./import-result";
import { syncLinks } from "./link-tables";
import { entryKey } from "./read-bundle";
import type { RecordKeys } from "./record-keys";
import { recordValues } from "./record-values";
import { givenFields, sameFields } from "./same-value";

/** An entry once its record has an id: the stored row it patches (null for a new record) and its row values. */
export interface PlacedRecord<E extends RecordEntry = RecordEntry> {
  entry: E;
  existing: RecordBase | null;
  id: number;
  values: Record<string, unknown>;
}

/** How one record type's entries are written beyond their own row. */
export interface RecordWriter<E extends RecordEntry> {
  /** The stored row each entry patches (null for none); by default found by the type's key column. */
  stored?: (manager: EntityManager, entries: E[]) => Promise<(RecordBase | null)[]>;
  /** Row values the description does not give (an outcome's meeting, from the meeting it is nested in). */
  extraValues?: (entry: E, index: number) => Record<string, unknown>;
  /** Syncs the records' parts in bulk (their `references` lists are synced already); answers the ids of the records whose parts changed. */
  children?: (manager: EntityManager, placed: PlacedRecord<E>[]) => Promise<Set<number>>;
}

/** The stored rows the entries patch, in one statement: the id an entry names (a mutation's), else its key's. */
async function storedByKey(manager: EntityManager, type: RecordTypeName, entries: RecordEntry[]): Promise<(RecordBase | null)[]> {
  const entity: EntityTarget<RecordBase> = RECORD_ENTITIES[type];
  const keyColumn = RECORDS[type].keyColumn;
  if (keyColumn === null) throw new Error(`import: ${type} has no key column; give its writer a stored()`);
  const keyProperty = manager.connection.getMetadata(entity).findColumnWithDatabaseName(keyColumn)?.propertyName ?? keyColumn;
  const keys = entries.filter((entry) => entry.storedId === undefined).map((entry) => entryKey(type, entry));
  const ids = entries.flatMap((entry) => (entry.storedId == null ? [] : [entry.storedId]));
  if (keys.length === 0 && ids.length === 0) return entries.map(() => null);
  // `= ANY` of one array parameter: `In()` would bind one parameter per key (20,000 for a large import).
  const rows = await manager
    .createQueryBuilder(entity, "stored")
    .where(`stored.${keyProperty} = ANY(:keys)`, { keys })
    .orWhere("stored.id = ANY(:ids)", { ids })
    .getMany();
  const byKey = new Map(rows.map((row) => [String((row as unknown as Record<string, unknown>)[keyProperty]), row]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return entries.map((entry) => {
    if (entry.storedId === null) return null;
    return (entry.storedId === undefined ? byKey.get(entryKey(type, entry)) : byId.get(entry.storedId)) ?? null;
  });
}

/**
 * Writes a record type's entries set-based: the stored rows they patch are read in one statement, the
 * new records get their ids in one and their rows in one insert (every key known to later references
 * first, so a topic may name a parent later in the bundle), the parts are synced by `writer.children`,
 * and the stored records whose given fields differ are updated in one statement. Each entry is a patch:
 * fields it leaves out (undefined) stay as stored; a record whose fields and parts match is not written.
 * Version and history are the ChangeSet's. Counts each entry's action in `tally`.
 */
export async function writeRecords<T extends RecordTypeName, E extends RecordEntry>(
  manager: EntityManager,
  type: T,
  entries: E[],
  keys: RecordKeys,
  tally: ImportTally,
  writer: RecordWriter<E> = {},
): Promise<PlacedRecord<E>[]> {
  if (entries.length === 0) return [];
  const description = RECORDS[type];
  const entity: EntityTarget<RecordBase> = RECORD_ENTITIES[type];
  progressAt(`reading the stored ${description.section} (${entries.length.toLocaleString("en")} entries)`);
  const stored = await (writer.stored ?? ((m, list) => storedByKey(m, type, list)))(manager, entries);
  const newIds = await allocateIds(manager, description.table, stored.filter((row) => row === null).length);
  let next = 0;
  const ids = stored.map((row) => row?.id ?? newIds[next++]);
  if (description.keyColumn !== null) {
    entries.forEach((entry, index) => {
      keys.set(description.name as ReferenceType, entryKey(type, entry), ids[index]);
    });
  }
  const placed: PlacedRecord<E>[] = entries.map((entry, index) => ({
    entry,
    existing: stored[index],
    id: ids[index],
    values: { ...recordValues(manager, entity, description, entry, keys), ...writer.extraValues?.(entry, index) },
  }));
  await insertRows(
    manager,
    entity,
    placed.filter((record) => record.existing === null).map((record) => ({ ...record.values, id: record.id })),
  );
  const childrenChanged = anyChanged(
    await syncLinks(manager, description, placed, keys),
    (await writer.children?.(manager, placed)) ?? new Set<number>(),
  );
  const changed = placed.filter((record) => record.existing !== null && !sameFields(record.existing, record.values));
  await updateRows(
    manager,
    entity,
    changed.map((record) => ({ ...givenFields(record.values), id: record.id })),
  );
  const updated = new Set(changed.map((record) => record.id));
  for (const record of placed) {
    const action =
      record.existing === null ? "created" : updated.has(record.id) || childrenChanged.has(record.id) ? "updated" : "unchanged";
    tally.count(type, action);
  }
  return placed;
}

/** The union of the records whose parts changed, over several syncs. */
export function anyChanged(...sets: Set<number>[]): Set<number> {
  return new Set(sets.flatMap((set) => [...set]));
}
