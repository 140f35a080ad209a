import type { EntityManager } from "typeorm";
import { REFERENCED_RECORD_TYPES } from "../entities/record-tables";
import type { EntryReader, ReferenceType } from "../records/entry-reader";
import { entriesOf, entryKey, type RecordBundle } from "./read-bundle";
import { RecordKeys } from "./record-keys";

/** The human keys of one type the bundle defines. */
function keysDefinedBy(bundle: RecordBundle, type: ReferenceType): Set<string> {
  const recordType = REFERENCED_RECORD_TYPES[type];
  return new Set(entriesOf(bundle, recordType).map((entry) => entryKey(recordType, entry)));
}

/** Every reference must name a record of the bundle or a stored one; loads the stored ones' ids. */
async function checkReferences(
  manager: EntityManager,
  reader: EntryReader,
  bundle: RecordBundle,
  keys: RecordKeys,
): Promise<void> {
  const defined = new Map<ReferenceType, Set<string>>();
  const definedBy = (type: ReferenceType) => {
    const found = defined.get(type) ?? keysDefinedBy(bundle, type);
    defined.set(type, found);
    return found;
  };
  const outside = reader.references.filter((reference) => !definedBy(reference.type).has(reference.key));
  const types = [...new Set(outside.map((reference) => reference.type))];
  for (const type of types) {
    await keys.load(
      manager,
      type,
      outside.filter((reference) => reference.type === type).map((reference) => reference.key),
    );
  }
  for (const reference of outside) {
    if (!keys.has(reference.type, reference.key)) reader.problem(reference.path, `unknown ${reference.type} "${reference.key}"`);
  }
}

/** The topic tree after the import (stored parents, overridden by the bundle's where it gives them) must have no cycle. */
async function checkTopicCycles(manager: EntityManager, reader: EntryReader, bundle: RecordBundle): Promise<void> {
  if (!bundle.Topic.some((topic) => typeof topic.parent === "string")) return;
  const stored: { slug: string; parent: string | null }[] = await manager.query(
    `SELECT t.slug, p.slug AS parent FROM topic t LEFT JOIN topic p ON p.id = t.parent_id`,
  );
  const parentOf = new Map(stored.map((row) => [row.slug, row.parent]));
  for (const topic of bundle.Topic) if (topic.parent !== undefined) parentOf.set(topic.slug, topic.parent);
  for (const topic of bundle.Topic) {
    if (typeof topic.parent !== "string") continue;
    const seen = new Set<string>([topic.slug]);
    let parent: string | null = topic.parent;
    while (parent !== null && parent !== undefined) {
      if (seen.has(parent)) {
        reader.problem(
          `${topic.path}.parent`,
          `would put the topic under itself or one of its descendants (through "${parent}")`,
        );
        break;
      }
      seen.add(parent);
      parent = parentOf.get(parent) ?? null;
    }
  }
}

/** Checks what only the database can tell; returns the ids of the stored records the bundle refers to. */
export async function checkBundleReferences(
  manager: EntityManager,
  reader: EntryReader,
  bundle: RecordBundle,
): Promise<RecordKeys> {
  const keys = new RecordKeys();
  await checkReferences(manager, reader, bundle, keys);
  await checkTopicCycles(manager, reader, bundle);
  return keys;
}
