import type { DataSource } from "typeorm";
import type { RequestContext } from "../context";
import type { RecordChange } from "../entities/record-change.entity";
import { isRecordTypeName } from "../entities/record-tables";
import { badInput, type InputProblem } from "../errors";
import { SqlParams } from "../queries/sql-params";
import type { ChangeFilter } from "../schema/change-filter.input";
import type { ConnectionResult } from "../schema/connection";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../schema/paging-args";
import type { HistoryArgs } from "../schema/record-change-connection";
import { type ChangeRow, toEntry } from "./change-row";
import { historyLoader } from "./history-loader";

const CURSOR_PREFIX = "change:";

/** The cursor of a history entry: in history connections, and where a live subscription resumes (`after`). */
export function encodeChangeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, "utf8").toString("base64url");
}

/** The entry id a cursor names; null unless it is `change:<id>` with an id PostgreSQL's `int` holds (1 to 2^31-1). */
export function decodeChangeCursor(cursor: string): number | null {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^change:([1-9]\d{0,9})$/.exec(decoded);
  return match && Number(match[1]) <= 2_147_483_647 ? Number(match[1]) : null;
}

/** The page size and the id to continue after; BAD_USER_INPUT for a size out of range or a foreign cursor. */
function pageOf(args: HistoryArgs): { limit: number; afterId: number | null } {
  const problems: InputProblem[] = [];
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (limit < 0 || limit > MAX_PAGE_SIZE)
    problems.push({ path: "first", message: `must be from 0 to ${MAX_PAGE_SIZE} (got ${limit})` });
  const afterId = args.after == null ? null : decodeChangeCursor(args.after);
  if (args.after != null && afterId === null)
    problems.push({ path: "after", message: "is not a cursor of the change history (change:<entry id>)" });
  if (problems.length > 0) throw badInput(problems);
  return { limit, afterId };
}

/** SQL conditions of a ChangeFilter, values bound through `params`. */
function filterConditions(filter: ChangeFilter | null | undefined, params: SqlParams): string[] {
  if (!filter) return [];
  if (filter.recordType != null && !isRecordTypeName(filter.recordType)) {
    throw badInput([{ path: "filter.recordType", message: `unknown record type "${filter.recordType}"` }]);
  }
  const conditions: string[] = [];
  if (filter.recordType != null) conditions.push(`record_type = ${params.add(filter.recordType)}`);
  if (filter.recordKey != null) conditions.push(`record_key = ${params.add(filter.recordKey)}`);
  if (filter.actor != null) conditions.push(`actor = ${params.add(filter.actor)}`);
  if (filter.actions != null) conditions.push(`action = ANY(${params.add(filter.actions)}::text[])`);
  if (filter.from != null) conditions.push(`occurred_at >= ${params.add(filter.from)}`);
  if (filter.to != null) conditions.push(`occurred_at <= ${params.add(filter.to)}`);
  return conditions;
}

/**
 * A page of entries (`limit + 1` fetched, newest first: the extra one only says more follow) as a
 * connection; `countTotal` runs once, and only when `totalCount` is selected.
 */
function toChangeConnection(
  fetched: RecordChange[],
  limit: number,
  afterId: number | null,
  countTotal: () => Promise<number>,
): ConnectionResult<RecordChange> {
  const edges = fetched.slice(0, limit).map((entry) => ({ cursor: encodeChangeCursor(entry.id), node: entry }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: fetched.length > limit,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      total ??= countTotal();
      return total;
    },
  };
}

/** One page of history entries matching `conditions`, newest first (keyset on the id, so pages never shift). */
async function changesPage(
  dataSource: DataSource,
  conditions: string[],
  params: SqlParams,
  args: HistoryArgs,
): Promise<ConnectionResult<RecordChange>> {
  const { limit, afterId } = pageOf(args);
  const countWhere = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const countValues = [...params.values];
  const pageConditions = afterId === null ? conditions : [...conditions, `id < ${params.add(afterId)}`];
  const where = pageConditions.length > 0 ? `WHERE ${pageConditions.join(" AND ")}` : "";
  const rows: ChangeRow[] = await dataSource.query(
    `SELECT * FROM record_change ${where} ORDER BY id DESC LIMIT ${limit + 1}`,
    params.values,
  );
  return toChangeConnection(rows.map(toEntry), limit, afterId, async () => {
    const [{ count }]: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM record_change ${countWhere}`,
      countValues,
    );
    return count;
  });
}

/** `history` of one record: its entries, newest first (batched over every record of the request asking with the same page). */
export async function recordHistory(
  context: RequestContext,
  recordType: string,
  recordId: number,
  args: HistoryArgs,
): Promise<ConnectionResult<RecordChange>> {
  const { limit, afterId } = pageOf(args);
  const { rows, total } = await historyLoader(context, limit, afterId).load({ recordType, recordId });
  return toChangeConnection(rows, limit, afterId, total);
}

/** Root `changes(filter)`: every entry matching the filter, newest first. */
export function filteredChanges(
  dataSource: DataSource,
  filter: ChangeFilter | null | undefined,
  args: HistoryArgs,
): Promise<ConnectionResult<RecordChange>> {
  const params = new SqlParams();
  return changesPage(dataSource, filterConditions(filter, params), params, args);
}
