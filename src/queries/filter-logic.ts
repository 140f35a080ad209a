import { clientError, ErrorCode } from "../errors";
import { FilterKeys, type IdsSql, type KeyCheck } from "./filter-keys";
import type { SqlParams } from "./sql-params";

/** The combinators every filter input carries. */
export interface LogicalFilter<F> {
  and?: F[] | null;
  or?: F[] | null;
  not?: F | null;
}

/** What a condition needs while it is turned into SQL. */
export interface ConditionContext {
  /** Alias of the filtered row. */
  alias: string;
  params: SqlParams;
  keys: FilterKeys;
  /** A fresh alias for a subquery (`${prefix}_${n}`), so nested subqueries never capture each other's names. */
  subAlias(prefix: string): string;
}

/** One filter type: how its own fields (not the combinators) name keys and become SQL conditions. */
export interface FilterCompiler<F extends LogicalFilter<F>> {
  /** Registers every slug/code the filter's own fields name, and rejects invalid values (BAD_USER_INPUT). */
  collect(filter: F, path: string, keys: FilterKeys): void;
  /** One SQL boolean expression per condition given (none when no field is set). */
  conditions(filter: F, context: ConditionContext): string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

/**
 * A filter as SQL: `sql` is one boolean over the filtered row; the statement that uses it must also select
 * `keyCheck.sql` and pass what it returns to `keyCheck.reject`, which throws the BAD_USER_INPUT naming every
 * slug or code that names no record (the keys are looked up inside that statement, not in one of their own).
 */
export interface CompiledFilter {
  sql: string;
  keyCheck: KeyCheck | null;
}

export const NO_FILTER: CompiledFilter = { sql: "TRUE", keyCheck: null };

/**
 * Compiles a filter tree into one SQL boolean over the row aliased `alias`, emitting SQL only for the conditions
 * given; invalid values are a BAD_USER_INPUT right away, unknown keys once the statement has run (see
 * CompiledFilter). `and: []` is TRUE, `or: []` is FALSE; `not` treats an unknown (NULL) result as "does not hold".
 */
export function compileFilter<F extends LogicalFilter<F>>(
  filter: F | null | undefined,
  alias: string,
  params: SqlParams,
  compiler: FilterCompiler<F>,
): CompiledFilter {
  if (!IDENTIFIER.test(alias)) throw new Error(`invalid SQL alias ${JSON.stringify(alias)}`);
  if (!filter) return NO_FILTER;
  const keys = new FilterKeys(params);
  collectTree(filter, "filter", keys, compiler);
  let counter = 0;
  const context: ConditionContext = {
    alias,
    params,
    keys,
    subAlias: (prefix) => {
      counter += 1;
      return `${alias}_${prefix}${counter}`;
    },
  };
  const sql = buildTree(filter, context, compiler);
  return { sql, keyCheck: keys.check() };
}

/** The most values a list in a filter may hold (slugs, codes, enum values, `and`/`or` branches): the contract's limit (docs/api.md, Limits). */
export const MAX_FILTER_LIST_VALUES = 1000;

/**
 * Refuses, before any SQL, a list in the filter's own fields longer than MAX_FILTER_LIST_VALUES: 100,000 unknown
 * slugs once cost an 11.7 MB error and 1.4-2.5 s of the server. QUERY_TOO_COMPLEX naming the path and both figures.
 */
function checkListSizes(filter: object, path: string): void {
  for (const [field, value] of Object.entries(filter)) {
    if (!Array.isArray(value) || value.length <= MAX_FILTER_LIST_VALUES) continue;
    throw clientError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `${path}.${field}: a list in a filter holds at most ${MAX_FILTER_LIST_VALUES} values (got ${value.length})`,
      { limit: "maxFilterListValues", value: value.length, max: MAX_FILTER_LIST_VALUES, path: `${path}.${field}` },
    );
  }
}

function collectTree<F extends LogicalFilter<F>>(filter: F, path: string, keys: FilterKeys, compiler: FilterCompiler<F>): void {
  checkListSizes(filter, path);
  compiler.collect(filter, path, keys);
  filter.and?.forEach((child, index) => {
    collectTree(child, `${path}.and[${index}]`, keys, compiler);
  });
  filter.or?.forEach((child, index) => {
    collectTree(child, `${path}.or[${index}]`, keys, compiler);
  });
  if (filter.not) collectTree(filter.not, `${path}.not`, keys, compiler);
}

function buildTree<F extends LogicalFilter<F>>(filter: F, context: ConditionContext, compiler: FilterCompiler<F>): string {
  const parts = compiler.conditions(filter, context);
  if (filter.and) parts.push(...filter.and.map((child) => buildTree(child, context, compiler)));
  if (filter.or) {
    parts.push(
      filter.or.length === 0 ? "FALSE" : filter.or.map((child) => `(${buildTree(child, context, compiler)})`).join(" OR "),
    );
  }
  if (filter.not) parts.push(`NOT COALESCE((${buildTree(filter.not, context, compiler)}), FALSE)`);
  if (parts.length === 0) return "TRUE";
  return parts.length === 1 ? parts[0] : parts.map((part) => `(${part})`).join(" AND ");
}

/** `column = id` for one id, `column = ANY(ids)` for an array (see FilterKeys.ids). */
export function anyId(column: string, ids: IdsSql): string {
  return ids.single ? `${column} = ${ids.sql}` : `${column} = ANY(${ids.sql})`;
}

/**
 * `column = ANY($n::type[])` for a list given; `FALSE` for an empty list (any of none). One value is `column =
 * $n::type`: a prepared statement's generic plan then estimates it from the column's statistics instead of guessing
 * an array's size (W2's statement at 20k meetings: 1.08 → 0.65 ms).
 */
export function anyOf(column: string, values: readonly (string | number)[], sqlType: "int" | "text", params: SqlParams): string {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return "FALSE";
  if (distinct.length === 1) return `${column} = ${params.add(distinct[0])}::${sqlType}`;
  return `${column} = ANY(${params.add(distinct)}::${sqlType}[])`;
}
