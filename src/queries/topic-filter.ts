import type { TopicFilter } from "../schema/topic-filter.input";
import type { FilterKeys } from "./filter-keys";
import { anyId, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { textContains } from "./text-contains";

/**
 * Compiles a TopicFilter into one boolean SQL expression over the topic row aliased `alias`, binding every value
 * through `params`. Returns "TRUE" for no filter; slugs are looked up in the statement that uses it (see
 * CompiledFilter), `under` as the descendants' ids by a recursive subquery.
 */
export function compileTopicFilter(filter: TopicFilter | null | undefined, alias: string, params: SqlParams): CompiledFilter {
  return compileFilter(filter, alias, params, topicFilterCompiler);
}

const topicFilterCompiler: FilterCompiler<TopicFilter> = {
  collect(filter: TopicFilter, path: string, keys: FilterKeys): void {
    keys.want("topic", filter.slugs, `${path}.slugs`);
    keys.want("topicTree", filter.under, `${path}.under`);
  },

  conditions(filter: TopicFilter, context: ConditionContext): string[] {
    const { alias: t, params, keys } = context;
    const conditions: string[] = [];
    if (filter.slugs) conditions.push(anyId(`${t}.id`, keys.ids("topic", filter.slugs)));
    if (filter.under) conditions.push(anyId(`${t}.id`, keys.descendantIds(filter.under)));
    if (filter.roots != null) conditions.push(filter.roots ? `${t}.parent_id IS NULL` : `${t}.parent_id IS NOT NULL`);
    if (filter.name != null) conditions.push(textContains(`localized_plain(${t}.name)`, filter.name, params));
    return conditions;
  },
};
