import type { EntityManager } from "typeorm";
import { type CitationSubject, type CitationValues, insertCitations } from "./citations";
import { sameValue } from "./same-value";

/** A child row's values as compared, with the citations it carries. */
export type CitedValues<V> = V & { sources: CitationValues[] };

/** How to read, clear and write one parent's cited children (memberships, positions). */
export interface CitedChildren<V> {
  subject: CitationSubject;
  load(): Promise<CitedValues<V>[]>;
  clear(): Promise<void>;
  insert(values: Omit<CitedValues<V>, "sources">): Promise<number>;
}

/**
 * Replaces a parent's cited children (each a row with its citations) when the stored ones differ from
 * `wanted`, in order; true when it did. A new parent has none stored, so nothing is read.
 */
export async function syncCitedChildren<V extends object>(
  manager: EntityManager,
  children: CitedChildren<V>,
  wanted: CitedValues<V>[],
  isNew: boolean,
): Promise<boolean> {
  const stored = isNew ? [] : await children.load();
  if (sameValue(stored, wanted)) return false;
  if (!isNew) await children.clear();
  await insertCitedChildren(manager, children, wanted);
  return true;
}

/** Inserts cited children (each row, then its citations), after the ones stored. */
export async function insertCitedChildren<V extends object>(
  manager: EntityManager,
  children: CitedChildren<V>,
  wanted: CitedValues<V>[],
): Promise<void> {
  for (const { sources, ...values } of wanted) {
    const id = await children.insert(values);
    await insertCitations(manager, children.subject, id, sources);
  }
}
