import type { DataSource } from "typeorm";
import type { CoalitionFilter } from "../schema/coalition-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (FILTER helper). Compiles a CoalitionFilter into one boolean SQL expression over the coalition row aliased
 * `alias`, binding every value through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown keys.
 */
export async function compileCoalitionFilter(
  _dataSource: DataSource,
  filter: CoalitionFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
