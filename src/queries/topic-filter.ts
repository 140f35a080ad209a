import type { DataSource } from "typeorm";
import type { TopicFilter } from "../schema/topic-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (FILTER helper). Compiles a TopicFilter into one boolean SQL expression over the topic row aliased
 * `alias`, binding every value through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown keys.
 */
export async function compileTopicFilter(
  _dataSource: DataSource,
  filter: TopicFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
