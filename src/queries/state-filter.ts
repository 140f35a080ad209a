import type { DataSource } from "typeorm";
import type { StateFilter } from "../schema/state-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (FILTER helper). Compiles a StateFilter into one boolean SQL expression over the state row aliased
 * `alias`, binding every value through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown keys.
 */
export async function compileStateFilter(
  _dataSource: DataSource,
  filter: StateFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
