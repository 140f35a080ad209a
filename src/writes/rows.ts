import type { EntityManager } from "typeorm";
import { changedRows } from "./sql-rows";

/**
 * Plain row writes for the write functions. Table and column names come from the write functions'
 * own code (never from input); every value is a bound parameter.
 */
export type ColumnValues = Record<string, unknown>;

function definedEntries(values: ColumnValues): [string, unknown][] {
  return Object.entries(values).filter(([, value]) => value !== undefined);
}

/** Inserts one row; returns its id. */
export async function insertRow(manager: EntityManager, table: string, values: ColumnValues): Promise<number> {
  const entries = definedEntries(values);
  const columns = entries.map(([column]) => `"${column}"`).join(", ");
  const placeholders = entries.map((_, index) => `$${index + 1}`).join(", ");
  const rows: { id: number }[] = await manager.query(
    `INSERT INTO "${table}" (${columns}) VALUES (${placeholders}) RETURNING id`,
    entries.map(([, value]) => serialize(value)),
  );
  return rows[0].id;
}

/** Sets the given columns (undefined ones are left alone) and raises the version by one; returns the new version. */
export async function updateRow(manager: EntityManager, table: string, id: number, values: ColumnValues): Promise<number> {
  const entries = definedEntries(values);
  const sets = entries.map(([column], index) => `"${column}" = $${index + 2}`);
  sets.push("version = version + 1", "updated_at = now()");
  const rows = await changedRows<{ version: number }>(
    manager,
    `UPDATE "${table}" SET ${sets.join(", ")} WHERE id = $1 RETURNING version`,
    [id, ...entries.map(([, value]) => serialize(value))],
  );
  return rows[0].version;
}

/** Deletes the rows of `table` whose `column` equals `id`. */
export async function deleteRowsWhere(manager: EntityManager, table: string, column: string, id: number): Promise<void> {
  await manager.query(`DELETE FROM "${table}" WHERE "${column}" = $1`, [id]);
}

/** Inserts link rows of a many-to-many join table. */
export async function insertLinks(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  ownerId: number,
  otherColumn: string,
  otherIds: number[],
): Promise<void> {
  if (otherIds.length === 0) return;
  await manager.query(
    `INSERT INTO "${table}" ("${ownerColumn}", "${otherColumn}") SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
    [ownerId, [...new Set(otherIds)]],
  );
}

/** Objects (localized text) go to jsonb as JSON text; everything else as is. */
function serialize(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value))
    return JSON.stringify(value);
  return value;
}
