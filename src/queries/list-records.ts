import type { DataSource, ObjectLiteral } from "typeorm";
import type { ConnectionResult } from "../schema/connection";
import type { PagingArgs } from "../schema/paging-args";
import { type PageRow, toConnection } from "./connection-result";
import type { CompileFilter } from "./filter-compiler";
import { pageRequest } from "./keyset-page";
import { countRows, fetchPage, type RecordList } from "./record-page";
import { SqlParams } from "./sql-params";

/**
 * A top-level connection (`meetings`, `coalitions`, ...): the filter compiled once, one statement for the
 * page and, only when `totalCount` is selected, one for the count, or none when `withTotal` says the page
 * statement should count too. `keepRelated` receives the rows (to prime loaders).
 */
export async function listRecords<T extends ObjectLiteral, F>(
  dataSource: DataSource,
  list: RecordList<T>,
  paging: PagingArgs,
  filter: F | null | undefined,
  compileFilter: CompileFilter<F>,
  keepRelated: (rows: PageRow<T>[]) => void = () => undefined,
  withTotal = false,
): Promise<ConnectionResult<T>> {
  const order = list.orderFor(list.alias);
  const request = pageRequest(paging, order);
  const params = new SqlParams();
  const compiled = compileFilter(filter, list.alias, params);
  const filterValues = [...params.values];
  const { rows, total } = await fetchPage(dataSource, list, request, compiled, params, withTotal);
  keepRelated(rows);
  return toConnection(rows, request, order, () =>
    total === null ? countRows(dataSource, list, compiled, filterValues) : Promise.resolve(total),
  );
}

/** A list ordered by its human key only (slug or code), ascending; `typeName` keeps cursors of other lists out. */
export function orderedByKey<T extends ObjectLiteral>(
  target: RecordList<T>["target"],
  alias: string,
  typeName: string,
  column: "slug" | "code",
): RecordList<T> {
  return {
    target,
    alias,
    orderFor: (rowAlias) => ({ name: `${typeName}:${column}`, key: null, tieBreaker: `${rowAlias}.${column}` }),
  };
}
