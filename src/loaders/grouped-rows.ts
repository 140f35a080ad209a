import type DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { hydrateRows, type RawRow } from "../queries/hydrate";

/** The name of the extra column that carries the parent id in grouped-loader SQL. */
export const PARENT_COLUMN = "__parent";

/**
 * Runs one SQL statement whose rows carry their parent's id in `__parent` (bound as `$1 = ANY(...)`
 * by the caller's SQL) and returns, for each requested parent id in order, its hydrated rows.
 */
export async function loadGrouped<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  sql: string,
  parentIds: readonly number[],
  extraParams: unknown[] = [],
  embedded: Embedded[] = [],
): Promise<T[][]> {
  const rows: RawRow[] = await dataSource.query(sql, [parentIds, ...extraParams]);
  for (const embed of embedded) primeEmbedded(dataSource, rows, embed);
  const entities = hydrateRows(dataSource, target, rows);
  const byParent = new Map<number, T[]>();
  rows.forEach((row, index) => {
    const parentId = Number(row[PARENT_COLUMN]);
    const list = byParent.get(parentId);
    if (list) list.push(entities[index]);
    else byParent.set(parentId, [entities[index]]);
  });
  return parentIds.map((id) => byParent.get(id) ?? []);
}

/**
 * A related record fetched in the same statement as `(SELECT to_jsonb(r.*) ... WHERE r.id = fk) AS <column>` (a
 * primary-key lookup per row, e.g. a participant's official): it is put into the record loader, so resolving the relation needs no statement of its own.
 */
export interface Embedded {
  column: string;
  target: EntityTarget<ObjectLiteral>;
  loader: DataLoader<number, ObjectLiteral | null>;
}

function primeEmbedded(dataSource: DataSource, rows: RawRow[], embed: Embedded): void {
  const raw = rows
    .map((row) => row[embed.column])
    .filter((value): value is RawRow => value !== null && typeof value === "object");
  for (const record of hydrateRows(dataSource, embed.target, raw)) embed.loader.prime(record.id as number, record);
}
