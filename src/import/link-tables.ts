import type { EntityManager } from "typeorm";
import type { RecordDescription, RecordEntry } from "../records";
import type { LinkTable } from "../records/fields";
import { CHUNK_ROWS, deleteRowsOf } from "./bulk-rows";
import { progressAt, progressRows } from "./import-progress";
import { type OwnedRows, syncOwnedRows } from "./owned-rows";
import type { RecordKeys } from "./record-keys";

/** A list of references as a set: sorted and without repeats (the order of links is not kept). */
export function linkSet(ids: number[] | undefined): number[] | undefined {
  return ids && [...new Set(ids)].sort((a, b) => a - b);
}

/** The links of a table as owned rows: each owner's targets, compared as sets (wanted ones go through `linkSet`). */
export function linkRows({ table, owner, target }: LinkTable): OwnedRows<number> {
  return {
    name: table,
    load: async (manager: EntityManager, ownerIds: number[]) => {
      const byOwner = new Map<number, number[]>(ownerIds.map((id) => [id, []]));
      const rows: { owner: number; target: number }[] = await manager.query(
        `SELECT ${owner} AS owner, ${target} AS target FROM ${table} WHERE ${owner} = ANY($1) ORDER BY ${target}`,
        [ownerIds],
      );
      for (const row of rows) byOwner.get(row.owner)?.push(row.target);
      return byOwner;
    },
    clear: (manager, ownerIds) => deleteRowsOf(manager, table, owner, ownerIds),
    insert: async (manager, rows) => {
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const chunk = rows.slice(start, start + CHUNK_ROWS);
        progressAt(`inserting ${table} rows (${start.toLocaleString("en")} of ${rows.length.toLocaleString("en")} written)`);
        await manager.query(`INSERT INTO ${table} (${owner}, ${target}) SELECT * FROM unnest($1::int[], $2::int[])`, [
          chunk.map((row) => row.ownerId),
          chunk.map((row) => row.value),
        ]);
        progressRows(table, chunk.length);
      }
    },
  };
}

/**
 * Syncs every list of references of the records (each `references` field of their description, in its
 * link table), one table at a time for all records at once; answers the records whose links changed.
 */
export async function syncLinks(
  manager: EntityManager,
  description: RecordDescription,
  placed: { entry: RecordEntry; id: number; existing: unknown }[],
  keys: RecordKeys,
): Promise<Set<number>> {
  const changed = new Set<number>();
  for (const [name, field] of Object.entries(description.fields)) {
    if (field.rule.kind !== "references") continue;
    const { to, link } = field.rule;
    const owners = placed.map(({ entry, id, existing }) => {
      const given = (entry as Record<string, unknown>)[name] as string[] | undefined;
      return { ownerId: id, isNew: existing === null, wanted: linkSet(given?.map((key) => keys.id(to, key))) };
    });
    for (const id of await syncOwnedRows(manager, linkRows(link), owners)) changed.add(id);
  }
  return changed;
}
