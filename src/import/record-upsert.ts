import type { EntityManager, EntityTarget, FindOptionsWhere, QueryDeepPartialEntity } from "typeorm";
import type { RecordBase } from "../entities/record-base";
import { RECORD_ENTITIES } from "../entities/record-entities";
import { type Entry, RECORDS, type RecordDescription, type RecordEntry } from "../records";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { recordValues } from "./record-values";
import { givenFields, sameFields } from "./same-value";

/** Brings a record's child collections in line with the bundle; true when anything was rewritten. */
export type ChildrenSync = (id: number, isNew: boolean) => Promise<boolean>;

export const NO_CHILDREN: ChildrenSync = async () => false;

export interface UpsertedRecord {
  id: number;
  action: UpsertAction;
}

/** The stored record an entry writes: the one it names by id (a mutation's), else the one its key finds. */
export function findStored<E extends RecordBase>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  entry: RecordEntry,
  byKey: FindOptionsWhere<E>,
): Promise<E | null> {
  if (entry.storedId === null) return Promise.resolve(null);
  if (entry.storedId === undefined) return manager.findOneBy(entity, byKey);
  return manager.findOneBy(entity, { id: entry.storedId } as FindOptionsWhere<E>);
}

/** Inserts a record and returns its id; fields left out (undefined) take their column defaults. */
export async function insertRecord<E extends RecordBase>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<number> {
  const result = await manager.insert(entity, givenFields(values) as QueryDeepPartialEntity<E>);
  return Number(result.identifiers[0].id);
}

/**
 * Updates a stored record when the fields the entry gives or its children differ from what is stored
 * (fields left out, undefined, stay as stored); an unchanged record is not written at all. `values` always holds the human key, so the
 * update is never empty.
 */
export async function updateRecordIfChanged<E extends RecordBase>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  existing: E,
  values: QueryDeepPartialEntity<E>,
  childrenChanged: boolean,
): Promise<UpsertAction> {
  if (!childrenChanged && sameFields(existing, values)) return "unchanged";
  // The version and updated_at are the ChangeSet's to raise (once per changed record): kept as they are here.
  const unversioned = { ...givenFields(values), version: () => "version", updatedAt: () => "updated_at" };
  await manager.update(entity, { id: existing.id }, unversioned as QueryDeepPartialEntity<E>);
  return "updated";
}

/** Creates or updates one record by its human key (`existing` was looked up by it), children included. */
export async function upsertRecord<E extends RecordBase>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  existing: E | null,
  values: QueryDeepPartialEntity<E>,
  syncChildren: ChildrenSync,
): Promise<UpsertedRecord> {
  if (!existing) {
    const id = await insertRecord(manager, entity, values);
    await syncChildren(id, true);
    return { id, action: "created" };
  }
  const childrenChanged = await syncChildren(existing.id, false);
  return { id: existing.id, action: await updateRecordIfChanged(manager, entity, existing, values, childrenChanged) };
}

/** The record types a bundle refers to by key whose own row is written by `upsertKeyedRecord`. */
type KeyedType = "Source" | "State" | "Topic" | "Coalition" | "Official";

/**
 * Upserts an entry of a record type keyed by one column: its own row from the description
 * (recordValues), its children by `syncChildren`; the key's id becomes known to later entries.
 */
export async function upsertKeyedRecord<T extends KeyedType>(
  manager: EntityManager,
  recordType: T,
  entry: Entry<T>,
  keys: RecordKeys,
  syncChildren: ChildrenSync = NO_CHILDREN,
): Promise<UpsertAction> {
  const description: RecordDescription = RECORDS[recordType];
  const entity: EntityTarget<RecordBase> = RECORD_ENTITIES[recordType];
  const keyColumn = RECORDS[recordType].keyColumn;
  const key = String((entry as Record<string, unknown>)[keyColumn]);
  const existing = await findStored(manager, entity, entry, { [keyColumn]: key });
  const values = recordValues(manager, entity, description, entry, keys);
  const { id, action } = await upsertRecord(manager, entity, existing, values, syncChildren);
  keys.set(RECORDS[recordType].name, key, id);
  return action;
}
