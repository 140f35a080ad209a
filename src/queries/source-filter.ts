import type { DataSource } from "typeorm";
import type { SourceFilter } from "../schema/source-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (FILTER helper). Compiles a SourceFilter into one boolean SQL expression over the source row aliased
 * `alias`, binding every value through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown keys.
 */
export async function compileSourceFilter(
  _dataSource: DataSource,
  filter: SourceFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
