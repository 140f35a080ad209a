import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { RequestContext } from "../context";
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

/** Which saved queries a client sees: all, or (SAFELIST clients) approved ones and its own key's. */
export type SavedQueryVisibility = { all: true } | { all: false; ownerApiKeyId: number | null };

/** The visibility of saved queries for this request. */
export function savedQueryVisibility(context: RequestContext): SavedQueryVisibility {
  return visibilityOf(context.approvedSavedQueriesOnly, context.viewer);
}

/** All saved queries, or (a client held to the SAFELIST) approved ones and the viewer's own. */
export function visibilityOf(approvedOnly: boolean, viewer: Viewer): SavedQueryVisibility {
  return approvedOnly ? { all: false, ownerApiKeyId: viewer.apiKeyId } : { all: true };
}

interface SavedQueryListFilter {
  search: string | null | undefined;
  visibility: SavedQueryVisibility;
}

/** `search` as a case-insensitive substring of name, title or description (LIKE wildcards in it match literally). */
function searchCondition(search: string | null | undefined, alias: string, params: SqlParams): string | null {
  if (!search) return null;
  const pattern = params.add(`%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  return `(${alias}.name ILIKE ${pattern} OR ${alias}.title ILIKE ${pattern} OR coalesce(${alias}.description, '') ILIKE ${pattern})`;
}

function visibilityCondition(visibility: SavedQueryVisibility, alias: string, params: SqlParams): string | null {
  if (visibility.all) return null;
  const approved = `${alias}.approved_version = ${alias}.version`;
  if (visibility.ownerApiKeyId === null) return approved;
  return `(${approved} OR ${alias}.owner_api_key_id = ${params.add(visibility.ownerApiKeyId)})`;
}

function compileSavedQueryFilter(
  filter: SavedQueryListFilter | null | undefined,
  alias: string,
  params: SqlParams,
): CompiledFilter {
  if (!filter) return NO_FILTER;
  const conditions = [searchCondition(filter.search, alias, params), visibilityCondition(filter.visibility, alias, params)];
  const sql = conditions.filter((condition): condition is string => condition !== null).join(" AND ");
  return sql === "" ? NO_FILTER : { sql, keyCheck: null };
}

/** `savedQueries(search, first, after, ...)`: by name, as a Relay connection, those the client may see. */
export function listSavedQueries(
  dataSource: DataSource,
  search: string | null | undefined,
  visibility: SavedQueryVisibility,
  paging: PagingArgs,
): Promise<ConnectionResult<SavedQuery>> {
  return listRecords(dataSource, SAVED_QUERIES, paging, { search, visibility }, compileSavedQueryFilter);
}

/** True when a client of this visibility may see the saved query. */
export function isVisible(savedQuery: SavedQuery, visibility: SavedQueryVisibility): boolean {
  if (visibility.all) return true;
  const approved = savedQuery.approvedVersion === savedQuery.version;
  return approved || (visibility.ownerApiKeyId !== null && savedQuery.ownerApiKeyId === visibility.ownerApiKeyId);
}
