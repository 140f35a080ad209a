import type { DataSource } from "typeorm";
import type { OutcomeFilter } from "../schema/outcome-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (FILTER helper). Compiles a OutcomeFilter into one boolean SQL expression over the outcome row aliased
 * `alias`, binding every value through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown keys.
 */
export async function compileOutcomeFilter(
  _dataSource: DataSource,
  filter: OutcomeFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
