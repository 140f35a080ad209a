import type { DataSource } from "typeorm";
import type { TopicFilter } from "../schema/topic-filter.input";
import type { FilterKeys } from "./filter-keys";
import { anyOf, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { textContains } from "./text-contains";

/**
 * Compiles a TopicFilter into one boolean SQL expression over the topic row aliased `alias`, binding every value
 * through `params`. Returns "TRUE" for no filter. Throws BAD_USER_INPUT naming unknown slugs; `under` is resolved to
 * the descendants' ids by the same recursive lookup statement.
 */
export async function compileTopicFilter(
  dataSource: DataSource,
  filter: TopicFilter | null | undefined,
  alias: string,
  params: SqlParams,
): Promise<string> {
  return compileFilter(dataSource, filter, alias, params, topicFilterCompiler);
}

const topicFilterCompiler: FilterCompiler<TopicFilter> = {
  collect(filter: TopicFilter, path: string, keys: FilterKeys): void {
    keys.want("topic", filter.slugs, `${path}.slugs`);
    keys.want("topicTree", filter.under, `${path}.under`);
  },

  conditions(filter: TopicFilter, context: ConditionContext): string[] {
    const { alias: t, params, keys } = context;
    const conditions: string[] = [];
    if (filter.slugs) conditions.push(anyOf(`${t}.id`, keys.ids("topic", filter.slugs), "int", params));
    if (filter.under) conditions.push(anyOf(`${t}.id`, keys.descendantIds(filter.under), "int", params));
    if (filter.roots != null) conditions.push(filter.roots ? `${t}.parent_id IS NULL` : `${t}.parent_id IS NOT NULL`);
    if (filter.name != null) conditions.push(textContains(`localized_plain(${t}.name)`, filter.name, params));
    return conditions;
  },
};
