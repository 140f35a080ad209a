import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { PageRow, RelatedRecord } from "./connection-result";
import type { CompiledFilter } from "./filter-logic";
import { hydrateRows, type RawRow, tableOf } from "./hydrate";
import {
  type KeysetOrder,
  keysetConditions,
  limitLiteral,
  orderByClause,
  type PageRequest,
  SORT_KEY_COLUMN,
  SORT_TIE_COLUMN,
  sortPositionColumns,
} from "./keyset-page";
import type { Projection } from "./projection/selection-projection";
import type { SqlParams } from "./sql-params";

/** A list of one record type read through hand-built SQL: the entity, its row alias, and its order for any alias. */
export interface RecordList<T extends ObjectLiteral> {
  target: EntityTarget<T>;
  alias: string;
  orderFor: (alias: string) => KeysetOrder;
  /** Related records to fetch in the page statement itself (primary-key subqueries), e.g. a meeting's location country. */
  embeds?: RecordEmbed<ObjectLiteral>[];
  /**
   * The client's selection compiled to SQL (see src/queries/projection): when given, each page row's node is
   * the object that SQL builds, not an entity, and no embeds are fetched.
   */
  projection?: Projection | null;
}

/** SQL giving `to_jsonb` of one related row for the row aliased `alias`, returned in column `column`. */
export interface RecordEmbed<R extends ObjectLiteral> {
  column: string;
  target: EntityTarget<R>;
  sql: (alias: string) => string;
}

/** A parent-child link for nested lists: SQL true when the row (aliased `alias`) belongs to parent id `parentId`. */
export type ParentCondition = (alias: string, parentId: string) => string;

/**
 * SQL counting the children of parent id `parentId` that match the list's filter from an index alone, without the
 * semi-join over every child of the parent that the general count is.
 */
export type CountChildren = (parentId: string) => string;

const PARENT_COLUMN = "__parent";
const NODE_COLUMN = "__node";
const TOTAL_COLUMN = "__total";
const UNKNOWN_KEYS_COLUMN = "__unknown_keys";
const PARENT_RECORD_COLUMN = "__parent_record";

/** A page of a list (or one parent's page of a nested list), with the total of matching rows when asked for. */
export interface ParentPage<T> {
  rows: PageRow<T>[];
  total: number | null;
}

function where(conditions: string[]): string {
  const given = conditions.filter((condition) => condition !== "TRUE");
  return given.length === 0 ? "" : `WHERE ${given.map((condition) => `(${condition})`).join(" AND ")}`;
}

function relatedOf<T extends ObjectLiteral>(dataSource: DataSource, list: RecordList<T>, row: RawRow): RelatedRecord[] {
  const related: RelatedRecord[] = [];
  for (const embed of list.embeds ?? []) {
    const value = row[embed.column];
    if (value === null || typeof value !== "object") continue;
    related.push({ target: embed.target, record: hydrateRows(dataSource, embed.target, [value as RawRow])[0] });
  }
  return related;
}

function toPageRows<T extends ObjectLiteral>(dataSource: DataSource, list: RecordList<T>, rows: RawRow[]): PageRow<T>[] {
  if (list.projection) return rows.map((row) => ({ node: row[NODE_COLUMN] as T, position: positionOf(row), related: [] }));
  const nodes = hydrateRows(dataSource, list.target, rows);
  return rows.map((row, index) => ({
    node: nodes[index],
    position: positionOf(row),
    related: relatedOf(dataSource, list, row),
  }));
}

function positionOf(row: RawRow): PageRow<unknown>["position"] {
  return { key: row[SORT_KEY_COLUMN] as string | null, tie: row[SORT_TIE_COLUMN] as string };
}

/**
 * The outer select list over the page's rows (aliased `page`, every column of the table plus the sort
 * position): the projected node, computed only for the rows the page keeps, or the rows as they are.
 */
function pageColumns<T extends ObjectLiteral>(list: RecordList<T>, params: SqlParams): string {
  if (!list.projection) return "page.*";
  return `${list.projection.sql("page", params)} AS ${NODE_COLUMN}, page.${SORT_KEY_COLUMN}, page.${SORT_TIE_COLUMN}`;
}

/**
 * The select-list items of a list's embedded records (empty, or ending with a comma), only when nodes are
 * entities (a projection brings its own).
 */
function embedColumns<T extends ObjectLiteral>(list: RecordList<T>, alias: string): string {
  if (list.projection) return "";
  return (list.embeds ?? []).map((embed) => `${embed.sql(alias)} AS ${embed.column}, `).join("");
}

/** The page's rows as a subquery aliased `page`: every column, the embeds and the sort position, in order, limited. */
function pageSubquery<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  conditions: string[],
  request: PageRequest,
): string {
  const { alias } = list;
  const order = list.orderFor(alias);
  return `(
      SELECT ${alias}.*, ${embedColumns(list, alias)}${sortPositionColumns(order)}
      FROM ${tableOf(dataSource, list.target)} ${alias} ${where(conditions)}
      ORDER BY ${orderByClause(order, request.backward)} LIMIT ${limitLiteral(request)}
    ) page`;
}

/** The select-list item reporting the filter's unknown keys (empty, or starting with a comma). */
function keyCheckColumn(filter: CompiledFilter): string {
  return filter.keyCheck ? `, ${filter.keyCheck.sql} AS ${UNKNOWN_KEYS_COLUMN}` : "";
}

/** Throws the BAD_USER_INPUT naming the filter's unknown keys, from the first row of a statement with `keyCheckColumn`. */
function rejectUnknownKeys(filter: CompiledFilter, rows: RawRow[]): void {
  filter.keyCheck?.reject(rows[0]?.[UNKNOWN_KEYS_COLUMN] as number[] | undefined);
}

/** SQL counting the rows of a top-level list that match the filter. */
function countSql<T extends ObjectLiteral>(dataSource: DataSource, list: RecordList<T>, filterSql: string): string {
  return `SELECT count(*)::int FROM ${tableOf(dataSource, list.target)} ${list.alias} ${where([filterSql])}`;
}

/**
 * One page of a top-level list: one statement, `filter` already compiled into `params`. With `withTotal`, the
 * statement also counts every matching row (`totalCount`). A head row (the count, the filter's key check) comes
 * first, so an empty page still returns one row, with the page's columns null.
 */
export async function fetchPage<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  request: PageRequest,
  filter: CompiledFilter,
  params: SqlParams,
  withTotal = false,
): Promise<ParentPage<T>> {
  const conditions = [filter.sql, ...keysetConditions(list.orderFor(list.alias), request, params)];
  const page = pageSubquery(dataSource, list, conditions, request);
  const head = withTotal ? `(${countSql(dataSource, list, filter.sql)}) AS ${TOTAL_COLUMN}` : "NULL AS __head";
  const sql = `SELECT ${pageColumns(list, params)}, head.* FROM (SELECT ${head}${keyCheckColumn(filter)}) AS head
    LEFT JOIN ${page} ON TRUE
    ORDER BY ${orderByClause(list.orderFor("page"), request.backward)}`;
  const rows: RawRow[] = await dataSource.query(sql, params.values);
  rejectUnknownKeys(filter, rows);
  const present = rows.filter((row) => row[SORT_TIE_COLUMN] !== null);
  return { rows: toPageRows(dataSource, list, present), total: withTotal ? Number(rows[0]?.[TOTAL_COLUMN] ?? 0) : null };
}

/** How many rows of a top-level list match: one statement, `filter` compiled against `values`. */
export async function countRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  filter: CompiledFilter,
  values: unknown[],
): Promise<number> {
  const sql = `SELECT (${countSql(dataSource, list, filter.sql)}) AS total${keyCheckColumn(filter)}`;
  const rows: RawRow[] = await dataSource.query(sql, values);
  rejectUnknownKeys(filter, rows);
  return rows[0].total as number;
}

/** How a nested list's page is asked for: the same page and filter for every parent, counted or not. */
export interface NestedPageQuery<T extends ObjectLiteral> {
  list: RecordList<T>;
  belongsTo: ParentCondition;
  request: PageRequest;
  filter: CompiledFilter;
  /** Count each parent's rows (`totalCount`) in the same statement; with `count`, that way. */
  totals: { count?: CountChildren } | null;
}

/**
 * The statement behind nested pages: for each row of `parents` (a FROM item aliased `parent` with columns `id` and
 * `ord`), a LATERAL subquery with its own ORDER BY and LIMIT (the page size as a literal) and, with `totals`, its
 * count. Every parent keeps a row even when its page is empty (the page's columns null), so the count and the
 * filter's key check always come back. `extraColumns` are more select-list items (each starting with a comma).
 */
function nestedPagesSql<T extends ObjectLiteral>(
  dataSource: DataSource,
  query: NestedPageQuery<T>,
  parents: string,
  params: SqlParams,
  extraColumns = "",
): string {
  const { list, belongsTo, request, filter, totals } = query;
  const order = list.orderFor(list.alias);
  const conditions = [belongsTo(list.alias, "parent.id"), filter.sql, ...keysetConditions(order, request, params)];
  const page = pageSubquery(dataSource, list, conditions, request);
  const counted = totals
    ? `CROSS JOIN LATERAL (${parentCountSql(dataSource, list, belongsTo, filter.sql, totals.count)}) AS counted(${TOTAL_COLUMN})`
    : "";
  return `SELECT ${pageColumns(list, params)}, parent.id AS ${PARENT_COLUMN}${totals ? `, counted.${TOTAL_COLUMN}` : ""}${keyCheckColumn(filter)}${extraColumns}
    FROM ${parents}
    ${counted} LEFT JOIN LATERAL ${page} ON TRUE
    ORDER BY parent.ord, ${orderByClause(list.orderFor("page"), request.backward)}`;
}

/** The rows of `nestedPagesSql` as each parent's page, in the order of `parentIds`; rejects unknown filter keys. */
function pagesOfParents<T extends ObjectLiteral>(
  dataSource: DataSource,
  query: NestedPageQuery<T>,
  parentIds: readonly number[],
  rows: RawRow[],
): ParentPage<T>[] {
  const { list, filter, totals } = query;
  rejectUnknownKeys(filter, rows);
  const pages = new Map<number, ParentPage<T>>(parentIds.map((id) => [id, { rows: [], total: totals ? 0 : null }]));
  const present = rows.filter((row) => row[SORT_TIE_COLUMN] !== null);
  const pageRows = toPageRows(dataSource, list, present);
  for (const row of rows) {
    const parentPage = pages.get(Number(row[PARENT_COLUMN]));
    if (parentPage && totals) parentPage.total = Number(row[TOTAL_COLUMN]);
  }
  present.forEach((row, index) => {
    pages.get(Number(row[PARENT_COLUMN]))?.rows.push(pageRows[index]);
  });
  return parentIds.map((id) => pages.get(id) ?? { rows: [], total: null });
}

/**
 * The same page of a nested list for many parents in ONE statement (see `nestedPagesSql`). `parentIdsParam` is
 * the `$n` bound to the id array.
 */
export async function fetchPagesByParent<T extends ObjectLiteral>(
  dataSource: DataSource,
  query: NestedPageQuery<T>,
  parentIds: readonly number[],
  parentIdsParam: string,
  params: SqlParams,
): Promise<ParentPage<T>[]> {
  const parents = `unnest(${parentIdsParam}::int[]) WITH ORDINALITY AS parent(id, ord)`;
  const rows: RawRow[] = await dataSource.query(nestedPagesSql(dataSource, query, parents, params), params.values);
  return pagesOfParents(dataSource, query, parentIds, rows);
}

/**
 * A record found by its human key, with its page of a nested list; `page` is the error when the filter is
 * rejected. `record` is the table's row, or the object of the record's projection when one was given.
 */
export interface RecordWithPage<T> {
  id: number;
  record: RawRow;
  page: ParentPage<T> | Error;
}

/** Where a record with a nested page comes from; `projection`: the record's own selection compiled to SQL. */
export interface KeyedParent {
  table: string;
  keyColumn: string;
  keyParam: string;
  projection?: Projection | null;
}

/**
 * A record of `table` by its human key (`keyColumn` = `keyParam`) together with one page of a nested list of
 * it, in ONE statement; null when no record has that key.
 */
export async function fetchRecordWithPage<T extends ObjectLiteral>(
  dataSource: DataSource,
  parent: KeyedParent,
  query: NestedPageQuery<T>,
  params: SqlParams,
): Promise<RecordWithPage<T> | null> {
  const { table, keyColumn, keyParam, projection } = parent;
  const record = projection ? projection.sql("r", params) : "to_jsonb(r.*)";
  // OFFSET 0 keeps the subquery from being pulled up into the page's join, which would build the record (its
  // projected lists too) once per page row instead of once.
  const parents = `(SELECT r.id, 1 AS ord, ${record} AS record FROM ${table} r WHERE r.${keyColumn} = ${keyParam} OFFSET 0) AS parent`;
  const sql = nestedPagesSql(dataSource, query, parents, params, `, parent.record AS ${PARENT_RECORD_COLUMN}`);
  const rows: RawRow[] = await dataSource.query(sql, params.values);
  if (rows.length === 0) return null;
  const found = { id: Number(rows[0][PARENT_COLUMN]), record: rows[0][PARENT_RECORD_COLUMN] as RawRow };
  try {
    return { ...found, page: pagesOfParents(dataSource, query, [found.id], rows)[0] };
  } catch (error) {
    return { ...found, page: error as Error };
  }
}

/** SQL counting the rows of a nested list that belong to `parent.id` and match the filter (`count` when given). */
function parentCountSql<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  belongsTo: ParentCondition,
  filterSql: string,
  count?: CountChildren,
): string {
  const { alias } = list;
  return count
    ? count("parent.id")
    : `SELECT count(*) FROM ${tableOf(dataSource, list.target)} ${alias} ${where([belongsTo(alias, "parent.id"), filterSql])}`;
}

/** How many rows of a nested list each parent has, for many parents in ONE statement. */
export async function countRowsByParent<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  belongsTo: ParentCondition,
  parentIds: readonly number[],
  parentIdsParam: string,
  filter: CompiledFilter,
  values: unknown[],
  indexCount?: CountChildren,
): Promise<number[]> {
  const count = parentCountSql(dataSource, list, belongsTo, filter.sql, indexCount);
  const sql = `SELECT parent.id AS ${PARENT_COLUMN}, (${count})::int AS total${keyCheckColumn(filter)}
    FROM unnest(${parentIdsParam}::int[]) AS parent(id)`;
  const rows: RawRow[] = await dataSource.query(sql, values);
  rejectUnknownKeys(filter, rows);
  const totals = new Map(rows.map((row) => [Number(row[PARENT_COLUMN]), row.total as number]));
  return parentIds.map((id) => totals.get(id) ?? 0);
}
