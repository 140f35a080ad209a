import type { EntityManager } from "typeorm";
import { checkBundleReferences } from "../import/bundle-references";
import { emptyBundle } from "../import/read-bundle";
import type { RecordKeys } from "../import/record-keys";
import type { EntryReader } from "../records/entry-reader";
import { type PartOf, type PartShape, readPart } from "../records/fields";

/** A GraphQL input object as a plain entry: fields left out dropped (Date values stay: the date rules read them). */
export function asEntryJson(value: unknown): unknown {
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(asEntryJson);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([name, field]) => [name, asEntryJson(field)]),
  );
}

/**
 * One part given to a nested mutation (`input`: a participant, a membership, a citation), read by its
 * description's rules (the bundle's) and its references resolved; null when anything is wrong (every
 * problem is in `reader`).
 */
export async function readPartInput<S extends PartShape>(
  manager: EntityManager,
  reader: EntryReader,
  shape: S,
  input: object,
): Promise<{ part: PartOf<S>; keys: RecordKeys } | null> {
  const part = readPart(reader, shape, asEntryJson(input), "input");
  const keys = await checkBundleReferences(manager, reader, emptyBundle());
  return part && reader.problems.length === 0 ? { part: part as PartOf<S>, keys } : null;
}
