import { asOfCondition } from "../loaders/as-of";
import type { OfficialFilter } from "../schema/official-filter.input";
import type { FilterKeys } from "./filter-keys";
import { anyId, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { textContains } from "./text-contains";
import { checkSearchText, officialPlainName } from "./text-search";

/**
 * Compiles an OfficialFilter into one boolean SQL expression over the official row aliased `alias`, binding every
 * value through `params`. Returns "TRUE" for no filter; slugs and codes are looked up in the statement that uses it
 * (see CompiledFilter).
 */
export function compileOfficialFilter(
  filter: OfficialFilter | null | undefined,
  alias: string,
  params: SqlParams,
): CompiledFilter {
  return compileFilter(filter, alias, params, officialFilterCompiler);
}

const officialFilterCompiler: FilterCompiler<OfficialFilter> = {
  collect(filter: OfficialFilter, path: string, keys: FilterKeys): void {
    keys.want("official", filter.slugs, `${path}.slugs`);
    keys.want("state", filter.states, `${path}.states`);
    if (filter.name != null) checkSearchText(filter.name, `${path}.name`);
  },

  conditions(filter: OfficialFilter, context: ConditionContext): string[] {
    const { alias: o, keys } = context;
    const conditions: string[] = [];
    if (filter.slugs) conditions.push(anyId(`${o}.id`, keys.ids("official", filter.slugs)));
    if (filter.name != null) conditions.push(fuzzyNameCondition(filter.name.trim(), context));
    if (filter.states || filter.post != null || filter.asOf != null) conditions.push(positionCondition(filter, context));
    return conditions;
  },
};

/** Both forms are served by the trigram index `official_name_trgm_idx` on `localized_plain(name)`. */
function fuzzyNameCondition(name: string, context: ConditionContext): string {
  const plainName = officialPlainName(context.alias);
  return `(${textContains(plainName, name, context.params)} OR ${context.params.add(name)} <% ${plainName})`;
}

function positionCondition(filter: OfficialFilter, context: ConditionContext): string {
  const { params, keys } = context;
  const ps = context.subAlias("ps");
  const where = [`${ps}.official_id = ${context.alias}.id`];
  if (filter.states) where.push(anyId(`${ps}.state_id`, keys.ids("state", filter.states)));
  if (filter.post != null) where.push(textContains(`localized_plain(${ps}.title)`, filter.post, params));
  if (filter.asOf != null) where.push(asOfCondition(ps, params.add(filter.asOf)));
  return `EXISTS (SELECT 1 FROM position ${ps} WHERE ${where.join(" AND ")})`;
}
