import { asOfCondition } from "../loaders/as-of";
import type { CoalitionFilter } from "../schema/coalition-filter.input";
import type { FilterKeys, IdsSql } from "./filter-keys";
import { anyId, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { textContains } from "./text-contains";

/**
 * Compiles a CoalitionFilter into one boolean SQL expression over the coalition row aliased `alias`, binding every
 * value through `params`. Returns "TRUE" for no filter; slugs and codes are looked up in the statement that uses it
 * (see CompiledFilter).
 */
export function compileCoalitionFilter(
  filter: CoalitionFilter | null | undefined,
  alias: string,
  params: SqlParams,
): CompiledFilter {
  return compileFilter(filter, alias, params, coalitionFilterCompiler);
}

const coalitionFilterCompiler: FilterCompiler<CoalitionFilter> = {
  collect(filter: CoalitionFilter, path: string, keys: FilterKeys): void {
    keys.want("coalition", filter.slugs, `${path}.slugs`);
    keys.want("state", filter.hasMember, `${path}.hasMember`);
  },

  conditions(filter: CoalitionFilter, context: ConditionContext): string[] {
    const { alias: c, params, keys } = context;
    const conditions: string[] = [];
    if (filter.slugs) conditions.push(anyId(`${c}.id`, keys.ids("coalition", filter.slugs)));
    if (filter.name != null) conditions.push(textContains(`localized_plain(${c}.name)`, filter.name, params));
    if (filter.hasMember) {
      conditions.push(hasMemberCondition(keys.ids("state", filter.hasMember), filter.asOf ?? null, context));
    } else if (filter.asOf != null) {
      conditions.push(`(${c}.founded_on IS NULL OR ${c}.founded_on <= ${params.add(filter.asOf)}::date)`);
    }
    return conditions;
  },
};

function hasMemberCondition(stateIds: IdsSql, asOf: string | null, context: ConditionContext): string {
  const ms = context.subAlias("ms");
  const onDay = asOf === null ? "" : ` AND ${asOfCondition(ms, context.params.add(asOf))}`;
  return `EXISTS (SELECT 1 FROM membership ${ms} WHERE ${ms}.coalition_id = ${context.alias}.id AND ${anyId(`${ms}.state_id`, stateIds)}${onDay})`;
}
