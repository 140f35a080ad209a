import { badInput, type InputProblem } from "../errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PagingArgs } from "../schema/paging-args";
import { type CursorPosition, type CursorShape, decodeCursor } from "./cursor";
import type { SqlParams } from "./sql-params";

/**
 * A keyset order: an optional sort key (NULL values always last, in either direction) and a unique,
 * non-null tie-breaker always ascending (slug or code). Expressions are SQL over the row alias, from code
 * (never from input).
 */
export interface KeysetOrder {
  /** Name carried in cursors, e.g. `meeting:DATE:DESC`. */
  name: string;
  key: { sql: string; type: "date" | "timestamptz" | "text"; direction: "ASC" | "DESC" } | null;
  tieBreaker: string;
}

/** A validated page request: `limit` items forward (after `after`) or backward (before `before`). */
export interface PageRequest {
  limit: number;
  backward: boolean;
  after: CursorPosition | null;
  before: CursorPosition | null;
}

/** Column aliases under which page SQL returns each row's sort position. */
export const SORT_KEY_COLUMN = "__sort_key";
export const SORT_TIE_COLUMN = "__sort_tie";

function checkSize(problems: InputProblem[], name: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (value < 0 || value > MAX_PAGE_SIZE) {
    problems.push({ path: name, message: `must be from 0 to ${MAX_PAGE_SIZE} (got ${value})` });
  }
}

/** What this order's cursors hold: its name, its key's SQL type (NULL for rows with none) and any tie-breaker text. */
function cursorShape(order: KeysetOrder): CursorShape {
  return { order: order.name, key: order.key?.type ?? null, nullableKey: true };
}

/** Validates Relay arguments: first/last from 0 to 100 (BAD_USER_INPUT otherwise), not both; default first 20. */
export function pageRequest(args: PagingArgs, order: KeysetOrder): PageRequest {
  const problems: InputProblem[] = [];
  checkSize(problems, "first", args.first);
  checkSize(problems, "last", args.last);
  if (args.first != null && args.last != null) problems.push({ path: "last", message: "cannot be combined with first" });
  if (problems.length > 0) throw badInput(problems);
  const backward = args.last != null || (args.before != null && args.first == null);
  return {
    limit: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE,
    backward,
    after: args.after == null ? null : decodeCursor(args.after, cursorShape(order), "after"),
    before: args.before == null ? null : decodeCursor(args.before, cursorShape(order), "before"),
  };
}

/** `ORDER BY` for the order read forward, or reversed for a backward page. */
export function orderByClause(order: KeysetOrder, backward: boolean): string {
  const tie = `${order.tieBreaker} ${backward ? "DESC" : "ASC"}`;
  if (!order.key) return tie;
  const forwardAsc = order.key.direction === "ASC";
  const asc = backward ? !forwardAsc : forwardAsc;
  const nulls = backward ? "NULLS FIRST" : "NULLS LAST";
  return `${order.key.sql} ${asc ? "ASC" : "DESC"} ${nulls}, ${tie}`;
}

/** The select-list items that return each row's sort position (for its cursor). */
export function sortPositionColumns(order: KeysetOrder): string {
  const key = order.key ? `(${order.key.sql})::text` : "NULL::text";
  return `${key} AS ${SORT_KEY_COLUMN}, (${order.tieBreaker})::text AS ${SORT_TIE_COLUMN}`;
}

/** Rows strictly after (`side` "after") or strictly before ("before") a cursor position, in the order read forward. */
export function keysetCondition(
  order: KeysetOrder,
  position: CursorPosition,
  side: "after" | "before",
  params: SqlParams,
): string {
  const tie = params.add(position.tie);
  const tieCompare = `${order.tieBreaker} ${side === "after" ? ">" : "<"} ${tie}`;
  if (!order.key) return tieCompare;
  const { sql, type, direction } = order.key;
  if (position.key === null) {
    return side === "after" ? `(${sql} IS NULL AND ${tieCompare})` : `(${sql} IS NOT NULL OR ${tieCompare})`;
  }
  const key = `${params.add(position.key)}::${type}`;
  const beyond = (side === "after") === (direction === "ASC") ? ">" : "<";
  const nullsAfter = side === "after" ? `${sql} IS NULL OR ` : "";
  return `(${nullsAfter}${sql} ${beyond} ${key} OR (${sql} = ${key} AND ${tieCompare}))`;
}

/** Every keyset condition a page request implies (none on a first page). */
export function keysetConditions(order: KeysetOrder, request: PageRequest, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (request.after) conditions.push(keysetCondition(order, request.after, "after", params));
  if (request.before) conditions.push(keysetCondition(order, request.before, "before", params));
  return conditions;
}

/** The LIMIT literal: one more row than the page, to learn whether more follow. A validated integer, never input text. */
export function limitLiteral(request: PageRequest): string {
  if (!Number.isInteger(request.limit) || request.limit < 0 || request.limit > MAX_PAGE_SIZE) {
    throw new Error(`page size ${request.limit} was not validated`);
  }
  return String(request.limit + 1);
}
