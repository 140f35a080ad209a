import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { RequestContext } from "../context";
import type { RecordChange } from "../entities/record-change.entity";
import type { Loaders } from "../loaders";
import { type ChangeRow, toEntry } from "./change-row";

/** One record whose history is asked for. */
export interface RecordRef {
  recordType: string;
  recordId: number;
}

/** One page of one record's history (`limit + 1` rows at most, newest first) and the record's total. */
export interface HistoryBatchResult {
  rows: RecordChange[];
  total: () => Promise<number>;
}

const refKey = (ref: RecordRef) => `${ref.recordType}:${ref.recordId}`;

function unnestParams(refs: readonly RecordRef[]): [string[], number[]] {
  return [refs.map((ref) => ref.recordType), refs.map((ref) => ref.recordId)];
}

/**
 * `history` of many records with the same page arguments in one statement (a window per record), so a
 * list of 100 meetings asking for their history costs one query, not 100. `totalCount` is batched the same way.
 */
function createHistoryLoader(
  dataSource: DataSource,
  limit: number,
  afterId: number | null,
): DataLoader<RecordRef, HistoryBatchResult, string> {
  const counts = new DataLoader<RecordRef, number, string>(
    async (refs) => {
      const rows: { record_type: string; record_id: number; count: number }[] = await dataSource.query(
        `SELECT record_type, record_id, count(*)::int AS count FROM record_change
          WHERE (record_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::int[])) GROUP BY record_type, record_id`,
        unnestParams(refs),
      );
      const found = new Map(rows.map((row) => [`${row.record_type}:${row.record_id}`, row.count]));
      return refs.map((ref) => found.get(refKey(ref)) ?? 0);
    },
    { cacheKeyFn: refKey },
  );
  return new DataLoader<RecordRef, HistoryBatchResult, string>(
    async (refs) => {
      const after = afterId === null ? "" : "AND id < $3";
      const rows: (ChangeRow & { rn: number })[] = await dataSource.query(
        `SELECT * FROM (
           SELECT record_change.*, row_number() OVER (PARTITION BY record_type, record_id ORDER BY id DESC) AS rn FROM record_change
            WHERE (record_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::int[])) ${after}
         ) page WHERE rn <= ${limit + 1} ORDER BY id DESC`,
        afterId === null ? unnestParams(refs) : [...unnestParams(refs), afterId],
      );
      const byRecord = new Map<string, RecordChange[]>();
      for (const row of rows) {
        const key = `${row.record_type}:${row.record_id}`;
        byRecord.set(key, [...(byRecord.get(key) ?? []), toEntry(row)]);
      }
      return refs.map((ref) => ({ rows: byRecord.get(refKey(ref)) ?? [], total: () => counts.load(ref) }));
    },
    { cacheKeyFn: refKey },
  );
}

// Keyed by the request's loaders, which a write replaces: history read after a mutation is never stale.
const loadersByRequest = new WeakMap<Loaders, Map<string, DataLoader<RecordRef, HistoryBatchResult, string>>>();

/** The request's history loader for these page arguments. */
export function historyLoader(
  context: RequestContext,
  limit: number,
  afterId: number | null,
): DataLoader<RecordRef, HistoryBatchResult, string> {
  let loaders = loadersByRequest.get(context.loaders);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(context.loaders, loaders);
  }
  const key = `${limit}:${afterId ?? ""}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = createHistoryLoader(context.dataSource, limit, afterId);
    loaders.set(key, loader);
  }
  return loader;
}
