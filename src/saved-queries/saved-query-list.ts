import type { DataSource } from "typeorm";
import { SavedQuery } from "../entities/saved-query.entity";
import { type CompiledFilter, NO_FILTER } from "../queries/filter-logic";
import { listRecords } from "../queries/list-records";
import type { RecordList } from "../queries/record-page";
import type { SqlParams } from "../queries/sql-params";
import type { ConnectionResult } from "../schema/connection";
import type { PagingArgs } from "../schema/paging-args";

const SAVED_QUERIES: RecordList<SavedQuery> = {
  target: SavedQuery,
  alias: "r",
  orderFor: (alias) => ({ name: "SavedQuery:name", key: null, tieBreaker: `${alias}.name` }),
};

/** `search` as a case-insensitive substring of name, title or description (LIKE wildcards in it match literally). */
function compileSearch(search: string | null | undefined, alias: string, params: SqlParams): CompiledFilter {
  if (!search) return NO_FILTER;
  const pattern = params.add(`%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  const sql = `(${alias}.name ILIKE ${pattern} OR ${alias}.title ILIKE ${pattern} OR coalesce(${alias}.description, '') ILIKE ${pattern})`;
  return { sql, keyCheck: null };
}

/** `savedQueries(search, first, after, ...)`: by name, as a Relay connection. */
export function listSavedQueries(
  dataSource: DataSource,
  search: string | null | undefined,
  paging: PagingArgs,
): Promise<ConnectionResult<SavedQuery>> {
  return listRecords(dataSource, SAVED_QUERIES, paging, search, compileSearch);
}
