import { asOfCondition } from "../loaders/as-of";
import type { StateFilter } from "../schema/state-filter.input";
import type { FilterKeys, IdsSql } from "./filter-keys";
import { anyId, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { textContains } from "./text-contains";

/**
 * Compiles a StateFilter into one boolean SQL expression over the state row aliased `alias`, binding every value
 * through `params`. Returns "TRUE" for no filter; slugs and codes are looked up in the statement that uses it (see
 * CompiledFilter).
 */
export function compileStateFilter(filter: StateFilter | null | undefined, alias: string, params: SqlParams): CompiledFilter {
  return compileFilter(filter, alias, params, stateFilterCompiler);
}

const stateFilterCompiler: FilterCompiler<StateFilter> = {
  collect(filter: StateFilter, path: string, keys: FilterKeys): void {
    keys.want("state", filter.codes, `${path}.codes`);
    keys.want("coalition", filter.memberOf, `${path}.memberOf`);
  },

  conditions(filter: StateFilter, context: ConditionContext): string[] {
    const { alias: s, params, keys } = context;
    const conditions: string[] = [];
    if (filter.codes) conditions.push(anyId(`${s}.id`, keys.ids("state", filter.codes)));
    if (filter.name != null) conditions.push(textContains(`localized_plain(${s}.name)`, filter.name, params));
    if (filter.memberOf) conditions.push(memberOfCondition(keys.ids("coalition", filter.memberOf), filter.asOf ?? null, context));
    return conditions;
  },
};

function memberOfCondition(coalitionIds: IdsSql, asOf: string | null, context: ConditionContext): string {
  const ms = context.subAlias("ms");
  const onDay = asOf === null ? "" : ` AND ${asOfCondition(ms, context.params.add(asOf))}`;
  return `EXISTS (SELECT 1 FROM membership ${ms} WHERE ${ms}.state_id = ${context.alias}.id AND ${anyId(`${ms}.coalition_id`, coalitionIds)}${onDay})`;
}
