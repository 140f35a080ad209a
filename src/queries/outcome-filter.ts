import type { OutcomeFilter } from "../schema/outcome-filter.input";
import type { FilterKeys, IdsSql } from "./filter-keys";
import { anyId, anyOf, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { checkSearchText, textQuery, textVector } from "./text-search";

/**
 * Compiles an OutcomeFilter into one boolean SQL expression over the outcome row aliased `alias`, binding every
 * value through `params`. Returns "TRUE" for no filter; slugs and codes are looked up in the statement that uses it
 * (see CompiledFilter).
 */
export function compileOutcomeFilter(filter: OutcomeFilter | null | undefined, alias: string, params: SqlParams): CompiledFilter {
  return compileFilter(filter, alias, params, outcomeFilterCompiler);
}

const outcomeFilterCompiler: FilterCompiler<OutcomeFilter> = {
  collect(filter: OutcomeFilter, path: string, keys: FilterKeys): void {
    keys.want("outcome", filter.slugs, `${path}.slugs`);
    keys.want("topicTree", filter.topics, `${path}.topics`);
    keys.want("state", filter.parties, `${path}.parties`);
    keys.want("meeting", filter.meetings, `${path}.meetings`);
    if (filter.text != null) checkSearchText(filter.text, `${path}.text`);
  },

  conditions(filter: OutcomeFilter, context: ConditionContext): string[] {
    const { alias: o, params, keys } = context;
    const conditions: string[] = [];
    if (filter.slugs) conditions.push(anyId(`${o}.id`, keys.ids("outcome", filter.slugs)));
    if (filter.kinds) conditions.push(anyOf(`${o}.kind`, filter.kinds, "text", params));
    if (filter.statuses) conditions.push(anyOf(`${o}.status`, filter.statuses, "text", params));
    if (filter.topics) conditions.push(linkCondition("outcome_topic", "topic_id", keys.ids("topicTree", filter.topics), context));
    if (filter.parties) conditions.push(linkCondition("outcome_party", "state_id", keys.ids("state", filter.parties), context));
    if (filter.meetings) conditions.push(anyId(`${o}.meeting_id`, keys.ids("meeting", filter.meetings)));
    if (filter.text != null) conditions.push(`${textVector.outcome(o)} @@ ${textQuery(params.add(filter.text.trim()))}`);
    return conditions;
  },
};

function linkCondition(
  table: "outcome_topic" | "outcome_party",
  column: "topic_id" | "state_id",
  ids: IdsSql,
  context: ConditionContext,
): string {
  const link = context.subAlias("l");
  return `EXISTS (SELECT 1 FROM ${table} ${link} WHERE ${link}.outcome_id = ${context.alias}.id AND ${anyId(`${link}.${column}`, ids)})`;
}
