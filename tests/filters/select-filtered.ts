import type { DataSource } from "typeorm";
import type { CompiledFilter } from "../../src/queries/filter-logic";
import type { SqlParams } from "../../src/queries/sql-params";

/**
 * The `key` column of the rows of `table` (aliased `alias`) that a compiled filter selects, sorted; like the
 * server's list statements, the same statement runs the filter's key check, which throws on unknown keys.
 */
export async function selectFiltered(
  dataSource: DataSource,
  from: { table: string; alias: string; key: string },
  filter: CompiledFilter,
  params: SqlParams,
): Promise<string[]> {
  const { table, alias, key } = from;
  const rows: { keys: string[] | null; unknown_keys: number[] | null }[] = await dataSource.query(
    `SELECT (SELECT array_agg(${alias}.${key} ORDER BY ${alias}.${key}) FROM ${table} ${alias} WHERE ${filter.sql}) AS keys,
      ${filter.keyCheck?.sql ?? "NULL::int[]"} AS unknown_keys`,
    params.values,
  );
  filter.keyCheck?.reject(rows[0].unknown_keys);
  return rows[0].keys ?? [];
}
