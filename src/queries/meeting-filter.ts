import { badInput } from "../errors";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import { dateFromCondition, dateToCondition } from "./date-bounds";
import type { FilterKeys, IdsSql } from "./filter-keys";
import { anyId, anyOf, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { checkSearchText, textQuery, textVector } from "./text-search";

/**
 * Compiles a MeetingFilter into one boolean SQL expression over the meeting row aliased `alias` (e.g. "m"), binding
 * every value through `params`. Returns "TRUE" for no filter; slugs and codes are looked up in the statement that
 * uses it (see CompiledFilter), topics with their descendants.
 */
export function compileMeetingFilter(filter: MeetingFilter | null | undefined, alias: string, params: SqlParams): CompiledFilter {
  return compileFilter(filter, alias, params, meetingFilterCompiler);
}

/** The filter's topics when they are its only condition (no other field, no `and`, `or` or `not`); else null. */
export function onlyTopicsOf(filter: MeetingFilter | null | undefined): readonly string[] | null {
  if (!filter?.topics) return null;
  const given = Object.values(filter).filter((value) => value != null);
  return given.length === 1 ? filter.topics : null;
}

export const meetingFilterCompiler: FilterCompiler<MeetingFilter> = {
  collect(filter: MeetingFilter, path: string, keys: FilterKeys): void {
    keys.want("coalition", filter.coalitions, `${path}.coalitions`);
    keys.want("topicTree", filter.topics, `${path}.topics`);
    keys.want("state", filter.states, `${path}.states`);
    keys.want("official", filter.officials, `${path}.officials`);
    keys.want("state", filter.locatedIn, `${path}.locatedIn`);
    if (filter.text != null) checkSearchText(filter.text, `${path}.text`);
    if (filter.minSources != null && filter.minSources < 0) {
      throw badInput([{ path: `${path}.minSources`, message: "must not be negative" }]);
    }
  },

  conditions(filter: MeetingFilter, context: ConditionContext): string[] {
    const { alias: m, params, keys } = context;
    const conditions: string[] = [];
    if (filter.coalitions) conditions.push(anyId(`${m}.coalition_id`, keys.ids("coalition", filter.coalitions)));
    if (filter.topics) conditions.push(topicsCondition(keys.ids("topicTree", filter.topics), context));
    if (filter.states) conditions.push(participantCondition("representing_state_id", keys.ids("state", filter.states), context));
    if (filter.officials) conditions.push(participantCondition("official_id", keys.ids("official", filter.officials), context));
    if (filter.from != null) conditions.push(dateFromCondition(`${m}.date`, `${m}.date_precision`, filter.from, params));
    if (filter.to != null) conditions.push(dateToCondition(`${m}.date`, filter.to, params));
    if (filter.formats) conditions.push(anyOf(`${m}.format`, filter.formats, "text", params));
    if (filter.levels) conditions.push(anyOf(`${m}.level`, filter.levels, "text", params));
    if (filter.statuses) conditions.push(anyOf(`${m}.status`, filter.statuses, "text", params));
    if (filter.locatedIn) conditions.push(anyId(`${m}.location_country_id`, keys.ids("state", filter.locatedIn)));
    if (filter.text != null) conditions.push(textCondition(filter.text.trim(), context));
    if (filter.minSources != null && filter.minSources > 0) conditions.push(minSourcesCondition(filter.minSources, context));
    if (filter.sourceKinds) conditions.push(sourceKindsCondition(filter.sourceKinds, context));
    return conditions;
  },
};

function topicsCondition(topicIds: IdsSql, context: ConditionContext): string {
  const mt = context.subAlias("mt");
  return `EXISTS (SELECT 1 FROM meeting_topic ${mt} WHERE ${mt}.meeting_id = ${context.alias}.id AND ${anyId(`${mt}.topic_id`, topicIds)})`;
}

function participantCondition(column: "representing_state_id" | "official_id", ids: IdsSql, context: ConditionContext): string {
  const p = context.subAlias("p");
  return `EXISTS (SELECT 1 FROM participant ${p} WHERE ${p}.meeting_id = ${context.alias}.id AND ${anyId(`${p}.${column}`, ids)})`;
}

/** The meetings whose own text or any outcome's summary matches, each found through its GIN index. */
function textCondition(text: string, context: ConditionContext): string {
  const query = textQuery(context.params.add(text));
  const tm = context.subAlias("tm");
  const to = context.subAlias("to");
  return `${context.alias}.id IN (SELECT ${tm}.id FROM meeting ${tm} WHERE ${textVector.meeting(tm)} @@ ${query} UNION SELECT ${to}.meeting_id FROM outcome ${to} WHERE ${textVector.outcome(to)} @@ ${query})`;
}

function minSourcesCondition(minSources: number, context: ConditionContext): string {
  const c = context.subAlias("c");
  return `(SELECT count(DISTINCT ${c}.source_id) FROM citation ${c} WHERE ${c}.meeting_id = ${context.alias}.id) >= ${context.params.add(minSources)}::int`;
}

function sourceKindsCondition(kinds: readonly string[], context: ConditionContext): string {
  if (kinds.length === 0) return "FALSE";
  const c = context.subAlias("c");
  const s = context.subAlias("s");
  return `EXISTS (SELECT 1 FROM citation ${c} JOIN source ${s} ON ${s}.id = ${c}.source_id WHERE ${c}.meeting_id = ${context.alias}.id AND ${s}.kind = ANY(${context.params.add(kinds)}::text[]))`;
}
