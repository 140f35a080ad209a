import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { PageRow, RelatedRecord } from "./connection-result";
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
import type { SqlParams } from "./sql-params";

/** A list of one record type read through hand-built SQL: the entity, its row alias, and its order for any alias. */
export interface RecordList<T extends ObjectLiteral> {
  target: EntityTarget<T>;
  alias: string;
  orderFor: (alias: string) => KeysetOrder;
  /** Related records to fetch in the page statement itself (primary-key subqueries), e.g. a meeting's location country. */
  embeds?: RecordEmbed<ObjectLiteral>[];
}

/** SQL giving `to_jsonb` of one related row for the row aliased `alias`, returned in column `column`. */
export interface RecordEmbed<R extends ObjectLiteral> {
  column: string;
  target: EntityTarget<R>;
  sql: (alias: string) => string;
}

/** A parent-child link for nested lists: SQL true when the row (aliased `alias`) belongs to parent id `parentId`. */
export type ParentCondition = (alias: string, parentId: string) => string;

/** SQL counting every child of parent id `parentId` without reading the children's rows (used when no filter is given). */
export type CountAllChildren = (parentId: string) => string;

const PARENT_COLUMN = "__parent";

function where(conditions: string[]): string {
  const given = conditions.filter((condition) => condition !== "TRUE");
  return given.length === 0 ? "" : `WHERE ${given.map((condition) => `(${condition})`).join(" AND ")}`;
}

/** The select-list items of a list's embedded records (empty, or ending with a comma). */
function embedColumns<T extends ObjectLiteral>(list: RecordList<T>, alias: string): string {
  return (list.embeds ?? []).map((embed) => `${embed.sql(alias)} AS ${embed.column}, `).join("");
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
  const nodes = hydrateRows(dataSource, list.target, rows);
  return rows.map((row, index) => ({
    node: nodes[index],
    position: { key: row[SORT_KEY_COLUMN] as string | null, tie: row[SORT_TIE_COLUMN] as string },
    related: relatedOf(dataSource, list, row),
  }));
}

/** One page of a top-level list: one statement, `filterSql` already compiled into `params`. */
export async function fetchPage<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  request: PageRequest,
  filterSql: string,
  params: SqlParams,
): Promise<PageRow<T>[]> {
  const { alias } = list;
  const order = list.orderFor(alias);
  const conditions = [filterSql, ...keysetConditions(order, request, params)];
  const sql = `SELECT ${alias}.*, ${embedColumns(list, alias)}${sortPositionColumns(order)} FROM ${tableOf(dataSource, list.target)} ${alias}
    ${where(conditions)} ORDER BY ${orderByClause(order, request.backward)} LIMIT ${limitLiteral(request)}`;
  return toPageRows(dataSource, list, await dataSource.query(sql, params.values));
}

/** How many rows of a top-level list match: one statement; `values` are the parameters `filterSql` refers to. */
export async function countRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  filterSql: string,
  values: unknown[],
): Promise<number> {
  const sql = `SELECT count(*)::int AS total FROM ${tableOf(dataSource, list.target)} ${list.alias} ${where([filterSql])}`;
  const rows: { total: number }[] = await dataSource.query(sql, values);
  return rows[0].total;
}

/**
 * The same page of a nested list for many parents in ONE statement: a LATERAL subquery per parent id with
 * its own ORDER BY and LIMIT (the page size as a literal). `parentIdsParam` is the `$n` bound to the id array.
 */
export async function fetchPagesByParent<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  belongsTo: ParentCondition,
  parentIds: readonly number[],
  parentIdsParam: string,
  request: PageRequest,
  filterSql: string,
  params: SqlParams,
): Promise<PageRow<T>[][]> {
  const { alias } = list;
  const order = list.orderFor(alias);
  const conditions = [belongsTo(alias, "parent.id"), filterSql, ...keysetConditions(order, request, params)];
  const sql = `SELECT page.* FROM unnest(${parentIdsParam}::int[]) WITH ORDINALITY AS parent(id, ord)
    CROSS JOIN LATERAL (
      SELECT ${alias}.*, parent.id AS ${PARENT_COLUMN}, ${embedColumns(list, alias)}${sortPositionColumns(order)}
      FROM ${tableOf(dataSource, list.target)} ${alias} ${where(conditions)}
      ORDER BY ${orderByClause(order, request.backward)} LIMIT ${limitLiteral(request)}
    ) page
    ORDER BY parent.ord, ${orderByClause(list.orderFor("page"), request.backward)}`;
  const rows: RawRow[] = await dataSource.query(sql, params.values);
  const pageRows = toPageRows(dataSource, list, rows);
  const byParent = new Map<number, PageRow<T>[]>(parentIds.map((id) => [id, []]));
  rows.forEach((row, index) => {
    byParent.get(Number(row[PARENT_COLUMN]))?.push(pageRows[index]);
  });
  return parentIds.map((id) => byParent.get(id) ?? []);
}

/** How many rows of a nested list each parent has, for many parents in ONE statement. */
export async function countRowsByParent<T extends ObjectLiteral>(
  dataSource: DataSource,
  list: RecordList<T>,
  belongsTo: ParentCondition,
  parentIds: readonly number[],
  parentIdsParam: string,
  filterSql: string,
  values: unknown[],
  countAll?: CountAllChildren,
): Promise<number[]> {
  const { alias } = list;
  const count =
    countAll && filterSql === "TRUE"
      ? countAll("parent.id")
      : `SELECT count(*) FROM ${tableOf(dataSource, list.target)} ${alias} ${where([belongsTo(alias, "parent.id"), filterSql])}`;
  const sql = `SELECT parent.id AS ${PARENT_COLUMN}, (${count})::int AS total FROM unnest(${parentIdsParam}::int[]) AS parent(id)`;
  const rows: { __parent: number; total: number }[] = await dataSource.query(sql, values);
  const totals = new Map(rows.map((row) => [Number(row.__parent), row.total]));
  return parentIds.map((id) => totals.get(id) ?? 0);
}
