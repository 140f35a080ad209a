import type { SourceFilter } from "../schema/source-filter.input";
import { timestampFromCondition, timestampToCondition } from "./date-bounds";
import type { FilterKeys } from "./filter-keys";
import { anyId, anyOf, type CompiledFilter, type ConditionContext, compileFilter, type FilterCompiler } from "./filter-logic";
import type { SqlParams } from "./sql-params";
import { checkSearchText, textQuery, textVector } from "./text-search";

/**
 * Compiles a SourceFilter into one boolean SQL expression over the source row aliased `alias`, binding every value
 * through `params`. Returns "TRUE" for no filter; slugs and codes are looked up in the statement that uses it (see
 * CompiledFilter).
 */
export function compileSourceFilter(filter: SourceFilter | null | undefined, alias: string, params: SqlParams): CompiledFilter {
  return compileFilter(filter, alias, params, sourceFilterCompiler);
}

const sourceFilterCompiler: FilterCompiler<SourceFilter> = {
  collect(filter: SourceFilter, path: string, keys: FilterKeys): void {
    keys.want("source", filter.slugs, `${path}.slugs`);
    if (filter.text != null) checkSearchText(filter.text, `${path}.text`);
  },

  conditions(filter: SourceFilter, context: ConditionContext): string[] {
    const { alias: s, params, keys } = context;
    const conditions: string[] = [];
    if (filter.slugs) conditions.push(anyId(`${s}.id`, keys.ids("source", filter.slugs)));
    if (filter.kinds) conditions.push(anyOf(`${s}.kind`, filter.kinds, "text", params));
    if (filter.publishers) {
      conditions.push(
        anyOf(
          `lower(${s}.publisher)`,
          filter.publishers.map((publisher) => publisher.toLowerCase()),
          "text",
          params,
        ),
      );
    }
    if (filter.languages) conditions.push(languageCondition(filter.languages, context));
    if (filter.from != null) conditions.push(timestampFromCondition(`${s}.published_at`, filter.from, params));
    if (filter.to != null) conditions.push(timestampToCondition(`${s}.published_at`, filter.to, params));
    if (filter.text != null) conditions.push(`${textVector.source(s)} @@ ${textQuery(params.add(filter.text.trim()))}`);
    return conditions;
  },
};

/** Tags compare case-insensitively; `en` matches `en` and `en-…`. */
function languageCondition(languages: readonly string[], context: ConditionContext): string {
  if (languages.length === 0) return "FALSE";
  const tags = context.params.add(languages.map((language) => language.toLowerCase()));
  const language = `lower(${context.alias}.language)`;
  return `(${language} = ANY(${tags}::text[]) OR split_part(${language}, '-', 1) = ANY(${tags}::text[]))`;
}
