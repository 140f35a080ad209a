import type { DataSource } from "typeorm";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Source } from "../entities/source.entity";
import { Statement } from "../entities/statement.entity";
import { badInput } from "../errors";
import type { ConnectionResult } from "../schema/connection";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../schema/paging-args";
import { SearchHit, SearchType } from "../schema/search";
import { decodeCursor, encodeCursor } from "./cursor";
import { hydrateRows, type RawRow, tableOf } from "./hydrate";
import { isProjected } from "./projection/projected-object";
import type { Projection } from "./projection/selection-projection";
import { snippetHtml, snippetSql } from "./search-snippet";
import { SqlParams } from "./sql-params";
import { officialPlainName, textQuery, textVector } from "./text-search";

export interface SearchRequest {
  query: string;
  types: SearchType[] | null;
  lang: string | null;
  first: number | null;
  after: string | null;
  /** Whether `totalCount` is selected: the page statement then counts the hits too (else a statement when read). */
  withTotal?: boolean;
  /** Whether a hit's `snippet` may be selected: `ts_headline` was ~17 % of the statement for 14 meetings. */
  withSnippet?: boolean;
  /** Whether a hit's `node` is selected: the statement then brings each hit's record (`SearchHit.record`). */
  withRecords?: boolean;
  /**
   * The projection of the client's selection under `node` for a type: that type's records are then the objects
   * it builds (src/queries/projection), else whole rows hydrated as entities.
   */
  projectRecords?: (type: SearchType) => Projection | null;
}

/** The entity of each searched type. */
export const SEARCH_ENTITIES = {
  MEETING: Meeting,
  OUTCOME: Outcome,
  STATEMENT: Statement,
  OFFICIAL: Official,
  SOURCE: Source,
} as const;

const CURSOR_ORDER = "search";
const MAX_ID = 2_147_483_647;
const HIT = /^([A-Z]+):([1-9][0-9]{0,9})$/;

/** A hit's tie-breaker, `TYPE:id`: a type searched and an id PostgreSQL's `int` holds. */
function hitProblem(tie: string): string | null {
  const match = HIT.exec(tie);
  const valid = match !== null && ALL_TYPES.includes(match[1] as SearchType) && Number(match[2]) <= MAX_ID;
  return valid ? null : "is not a search hit (TYPE:id)";
}

/** Search cursors: the rank (a `real`, never null) and the hit. */
const CURSOR_SHAPE = { order: CURSOR_ORDER, key: "real", nullableKey: false, tieProblem: hitProblem } as const;

/** Placeholders of the values every part of the search statement shares. */
interface SearchPlaceholders {
  /** The tsquery (a column of the `query` CTE). */
  tsquery: string;
  /** The raw query text. */
  text: string;
  /** The language asked (may be NULL). */
  lang: string;
  /** The headline configuration for the language asked. */
  config: string;
}

/** Text in the language asked, else its base language, else English, else the first language held (as pickLocalized). */
const pick = (column: string, lang: string) =>
  `coalesce(${column}->>${lang}, ${column}->>split_part(${lang}, '-', 1), ${column}->>'en', (SELECT value FROM jsonb_each_text(${column}) ORDER BY key LIMIT 1))`;

interface HitSource {
  from: string;
  match: string;
  rank: string;
  document: string;
  config: string;
}

/** Per type: how rows match and rank (the indexed expressions of text-search.ts) and the text a snippet is cut from. */
const SOURCES: Record<SearchType, (p: SearchPlaceholders) => HitSource> = {
  MEETING: (p) => ({
    from: "meeting r",
    match: `${textVector.meeting("r")} @@ ${p.tsquery}`,
    rank: `ts_rank(${textVector.meeting("r")}, ${p.tsquery})`,
    document: `concat_ws(' — ', ${pick("r.title", p.lang)}, ${pick("r.summary", p.lang)})`,
    config: p.config,
  }),
  OUTCOME: (p) => ({
    from: "outcome r",
    match: `${textVector.outcome("r")} @@ ${p.tsquery}`,
    rank: `ts_rank(${textVector.outcome("r")}, ${p.tsquery})`,
    document: pick("r.summary", p.lang),
    config: p.config,
  }),
  STATEMENT: (p) => ({
    from: "statement r",
    match: `${textVector.statement("r")} @@ ${p.tsquery}`,
    rank: `ts_rank(${textVector.statement("r")}, ${p.tsquery})`,
    document: "r.text",
    config: `(CASE split_part(r.lang, '-', 1) WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig`,
  }),
  OFFICIAL: (p) => ({
    from: "official r",
    match: `(${textVector.official("r")} @@ ${p.tsquery} OR ${p.text} <% ${officialPlainName("r")})`,
    rank: `greatest(ts_rank(${textVector.official("r")}, ${p.tsquery}), word_similarity(${p.text}, ${officialPlainName("r")}))`,
    document: pick("r.name", p.lang),
    config: p.config,
  }),
  SOURCE: (p) => ({
    from: "source r",
    match: `${textVector.source("r")} @@ ${p.tsquery}`,
    rank: `ts_rank(${textVector.source("r")}, ${p.tsquery})`,
    document: pick("r.title", p.lang),
    config: p.config,
  }),
};

const ALL_TYPES = Object.values(SearchType);

const SNIPPET = snippetSql("page.document", "page.config", "query.q");

/** The text-search configuration for the language asked (whitelisted, bound as a parameter). */
function headlineConfig(lang: string | null): string {
  const base = lang?.split("-")[0]?.toLowerCase();
  if (base === "ru") return "russian";
  if (base === "en" || !base) return "english";
  return "simple";
}

function pageSize(first: number | null): number {
  if (first === null) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE)
    throw badInput([{ path: "first", message: `must be from 0 to ${MAX_PAGE_SIZE} (got ${first})` }]);
  return first;
}

/**
 * Ranked full-text search across record types in one statement, which counts the hits too when `withTotal` (else
 * `totalCount` costs one statement when read): every type's GIN index finds its hits, the union is ordered by rank
 * descending then (type, id), and only the page's rows get a ts_headline snippet. Cursors carry (rank, type, id),
 * so paging is keyset, not offset. A head row (the count) comes first, so an empty page still returns one row.
 */
export async function searchRecords(dataSource: DataSource, request: SearchRequest): Promise<ConnectionResult<SearchHit>> {
  const limit = pageSize(request.first);
  const types = [...new Set(request.types ?? ALL_TYPES)];
  const after = request.after === null ? null : decodeCursor(request.after, CURSOR_SHAPE, "after");
  if (types.length === 0) return toSearchConnection(dataSource, [], limit, after !== null, () => Promise.resolve(0));
  const params = new SqlParams();
  const text = `${params.add(request.query)}::text`;
  // Language and configuration live in the `query` row, so every parameter is used whatever the types searched.
  const query = `SELECT ${textQuery(text)} AS q, ${params.add(request.lang)}::text AS lang, ${params.add(headlineConfig(request.lang))}::regconfig AS config`;
  const placeholders: SearchPlaceholders = { tsquery: "query.q", text, lang: "query.lang", config: "query.config" };
  const shared = params.values.length;
  const withHits = `WITH query AS MATERIALIZED (${query}), hits AS (${unionOfHits(types, placeholders)})`;
  const afterCondition = after === null ? "TRUE" : keysetAfter(after.key, after.tie, params);
  const total = request.withTotal ? "(SELECT count(*)::int FROM hits)" : "NULL::int";
  const sql = `${withHits},
    page AS (SELECT * FROM hits WHERE ${afterCondition} ORDER BY rank DESC, type, id LIMIT ${limit + 1})
    SELECT head.total, found.* FROM (SELECT ${total} AS total) AS head LEFT JOIN (
      SELECT page.type, page.id, page.rank AS rank_value, page.rank::text AS rank,
        ${request.withSnippet === false ? "NULL::text" : SNIPPET} AS snippet,
        ${request.withRecords ? recordOfHit(dataSource, types, request.projectRecords, params) : "NULL::json"} AS record
      FROM page, query) AS found ON TRUE
    ORDER BY found.rank_value DESC, found.type, found.id`;
  const rows: (SearchRow & { total: number | null })[] = await dataSource.query(sql, params.values);
  const hits = rows.filter((row) => row.type !== null);
  const connection = (countTotal: () => Promise<number>) =>
    toSearchConnection(dataSource, hits, limit, after !== null, countTotal);
  if (request.withTotal) return connection(() => Promise.resolve(rows[0]?.total ?? 0));
  const countTotal = async () => {
    const result: { total: number }[] = await dataSource.query(
      `${withHits} SELECT count(*)::int AS total FROM hits`,
      params.values.slice(0, shared),
    );
    return result[0].total;
  };
  return connection(countTotal);
}

interface SearchRow {
  type: SearchType;
  id: number;
  rank: string;
  snippet: string | null;
  record: RawRow | null;
}

/**
 * A page row's record as json from its type's table: the object its projection builds, or the whole row (a second
 * statement for the records cost W4 ~10 % of its CPU).
 */
function recordOfHit(
  dataSource: DataSource,
  types: SearchType[],
  projectRecords: SearchRequest["projectRecords"],
  params: SqlParams,
): string {
  const byType = types.map((type) => {
    const record = projectRecords?.(type)?.sql("x", params) ?? "row_to_json(x.*)";
    return `WHEN '${type}' THEN (SELECT ${record} FROM ${tableOf(dataSource, SEARCH_ENTITIES[type])} x WHERE x.id = page.id)`;
  });
  return `CASE page.type ${byType.join(" ")} END`;
}

/** A hit's record: the projected object as built, or the row hydrated as its entity. */
function hitRecord(dataSource: DataSource, row: SearchRow): object | null {
  if (row.record === null || isProjected(row.record)) return row.record;
  return hydrateRows(dataSource, SEARCH_ENTITIES[row.type], [row.record])[0];
}

function unionOfHits(types: SearchType[], placeholders: SearchPlaceholders): string {
  return types
    .map((type) => {
      const source = SOURCES[type](placeholders);
      return `SELECT '${type}'::text AS type, r.id, (${source.rank})::real AS rank, ${source.document} AS document, ${source.config} AS config
        FROM ${source.from}, query WHERE ${source.match}`;
    })
    .join(" UNION ALL ");
}

/** Strictly after (rank, type, id) in the order rank DESC, type ASC, id ASC; both were checked by decodeCursor. */
function keysetAfter(rank: string | null, tie: string, params: SqlParams): string {
  const [type, id] = tie.split(":");
  const r = `${params.add(rank)}::real`;
  return `(rank < ${r} OR (rank = ${r} AND (type, id) > (${params.add(type)}::text, ${params.add(Number(id))}::int)))`;
}

function toSearchConnection(
  dataSource: DataSource,
  rows: SearchRow[],
  limit: number,
  hasPrevious: boolean,
  countTotal: () => Promise<number>,
): ConnectionResult<SearchHit> {
  const edges = rows.slice(0, limit).map((row) => ({
    cursor: encodeCursor(CURSOR_ORDER, { key: row.rank, tie: `${row.type}:${row.id}` }),
    node: Object.assign(new SearchHit(), {
      type: row.type,
      recordId: row.id,
      rank: Number(row.rank),
      snippet: row.snippet === null ? null : snippetHtml(row.snippet),
      record: hitRecord(dataSource, row),
    }),
  }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      total ??= countTotal();
      return total;
    },
  };
}
