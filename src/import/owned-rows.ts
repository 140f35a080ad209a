import type { EntityManager } from "typeorm";
import { progressAt } from "./import-progress";
import { sameValue } from "./same-value";

/** One owner's wanted rows of a child table: undefined when its entry leaves the list out (the stored rows stay). */
export interface OwnerRows<V> {
  ownerId: number;
  /** A record the write just created: it has no stored rows to read or clear. */
  isNew: boolean;
  wanted: V[] | undefined;
}

/** A table of rows belonging to records (participants, positions, citations, link rows), read and written for many owners at once. */
export interface OwnedRows<V> {
  /** Names the table in progress notes. */
  name: string;
  /** Each owner's stored rows, as compared with the wanted ones (in the order they were written). */
  load(manager: EntityManager, ownerIds: number[]): Promise<Map<number, V[]>>;
  clear(manager: EntityManager, ownerIds: number[]): Promise<void>;
  /** Writes the rows after the stored ones, in order. */
  insert(manager: EntityManager, rows: { ownerId: number; value: V }[]): Promise<void>;
}

/**
 * Brings every owner's rows in line with the wanted ones: one statement reads the stored rows of all
 * owners, one clears those of the owners whose rows differ, and the inserts write their wanted rows.
 * Answers the owners whose rows changed. Owners that leave the list out are not touched.
 */
export async function syncOwnedRows<V>(
  manager: EntityManager,
  table: OwnedRows<V>,
  owners: OwnerRows<V>[],
): Promise<Set<number>> {
  const given = owners.filter((owner): owner is OwnerRows<V> & { wanted: V[] } => owner.wanted !== undefined);
  if (given.length === 0) return new Set();
  progressAt(`comparing ${table.name} rows of ${given.length.toLocaleString("en")} records`);
  const storedIds = given.filter((owner) => !owner.isNew).map((owner) => owner.ownerId);
  const stored = storedIds.length > 0 ? await table.load(manager, storedIds) : new Map<number, V[]>();
  // A new record has no stored rows: its rows change exactly when it is given some.
  const changed = given.filter((owner) =>
    owner.isNew ? owner.wanted.length > 0 : !sameValue(stored.get(owner.ownerId) ?? [], owner.wanted),
  );
  const cleared = changed.filter((owner) => (stored.get(owner.ownerId)?.length ?? 0) > 0).map((owner) => owner.ownerId);
  if (cleared.length > 0) {
    progressAt(`clearing ${table.name} rows of ${cleared.length.toLocaleString("en")} records`);
    await table.clear(manager, cleared);
  }
  const rows = changed.flatMap((owner) => owner.wanted.map((value) => ({ ownerId: owner.ownerId, value })));
  if (rows.length > 0) await table.insert(manager, rows);
  return new Set(changed.map((owner) => owner.ownerId));
}
