import type { EntityManager } from "typeorm";
import type { BundleReader } from "./bundle-reader";
import type { RecordBundle, ReferenceType } from "./bundle-types";
import { RecordKeys } from "./record-keys";

/** The human keys each section of the bundle defines. */
function keysDefinedBy(bundle: RecordBundle): Record<ReferenceType, Set<string>> {
  return {
    source: new Set(bundle.sources.map((record) => record.slug)),
    state: new Set(bundle.states.map((record) => record.code)),
    topic: new Set(bundle.topics.map((record) => record.slug)),
    coalition: new Set(bundle.coalitions.map((record) => record.slug)),
    official: new Set(bundle.officials.map((record) => record.slug)),
    meeting: new Set(bundle.meetings.map((record) => record.slug)),
  };
}

/** Every reference must name a record of the bundle or a stored one; loads the stored ones' ids. */
async function checkReferences(
  manager: EntityManager,
  reader: BundleReader,
  bundle: RecordBundle,
  keys: RecordKeys,
): Promise<void> {
  const defined = keysDefinedBy(bundle);
  const outside = reader.references.filter((reference) => !defined[reference.type].has(reference.key));
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
async function checkTopicCycles(manager: EntityManager, reader: BundleReader, bundle: RecordBundle): Promise<void> {
  if (!bundle.topics.some((topic) => typeof topic.parent === "string")) return;
  const stored: { slug: string; parent: string | null }[] = await manager.query(
    `SELECT t.slug, p.slug AS parent FROM topic t LEFT JOIN topic p ON p.id = t.parent_id`,
  );
  const parentOf = new Map(stored.map((row) => [row.slug, row.parent]));
  for (const topic of bundle.topics) if (topic.parent !== undefined) parentOf.set(topic.slug, topic.parent);
  for (const topic of bundle.topics) {
    if (typeof topic.parent !== "string") continue;
    const seen = new Set<string>([topic.slug]);
    let parent: string | null = topic.parent;
    while (parent !== null && parent !== undefined) {
      if (seen.has(parent)) {
        reader.problem(`${topic.path}.parent`, `topic "${topic.slug}" would be its own ancestor (through "${parent}")`);
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
  reader: BundleReader,
  bundle: RecordBundle,
): Promise<RecordKeys> {
  const keys = new RecordKeys();
  await checkReferences(manager, reader, bundle, keys);
  await checkTopicCycles(manager, reader, bundle);
  return keys;
}
