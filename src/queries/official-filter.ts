import type { DataSource } from "typeorm";
import type { OfficialFilter } from "../schema/official-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (FILTER helper). Compiles a OfficialFilter into one boolean SQL expression over the official row aliased
 * `alias`, binding every value through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown keys.
 */
export async function compileOfficialFilter(
  _dataSource: DataSource,
  filter: OfficialFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
