import DataLoader from "dataloader";
import type { DataSource, ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { hydrateRows, type RawRow, tableOf } from "../queries/hydrate";
import { SqlParams } from "../queries/sql-params";

/** One way to name a record: its internal id, or one of its human keys (`slug`, `code`). */
export interface RecordKey {
  field: string;
  value: string | number;
}

export interface RecordEntity<T extends ObjectLiteral> {
  new (): T;
  name: string;
}

export type RecordsByKeyLoader<T> = DataLoader<RecordKey, T | null, string>;

const cacheKey = (key: RecordKey): string => `${key.field}\u0000${key.value}`;

/**
 * Loads records of one entity by any mix of keys in ONE statement per batch
 * (`WHERE id = ANY($1) OR slug = ANY($2)`); answers in the order asked, null for unknown keys.
 * `keyFields` is the whitelist of properties a key may name (they become SQL identifiers).
 * Hand-written SQL hydrated like READ's record loaders: TypeORM's query builder costs far more CPU.
 */
export function createRecordsByKeyLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: RecordEntity<T>,
  keyFields: readonly string[],
): RecordsByKeyLoader<T> {
  const metadata = dataSource.getMetadata(entity);
  const columnOf = (field: string): string => {
    const column = keyFields.includes(field) ? metadata.findColumnWithPropertyName(field) : undefined;
    if (!column) throw new Error(`${entity.name} cannot be looked up by ${field}`);
    return column.databaseName;
  };
  return new DataLoader(
    async (keys) => {
      const valuesByField = new Map<string, (string | number)[]>();
      for (const key of keys) valuesByField.set(key.field, [...(valuesByField.get(key.field) ?? []), key.value]);
      const params = new SqlParams();
      const conditions = [...valuesByField].map(([field, values]) => `"${columnOf(field)}" = ANY(${params.add(values)})`);
      const rows: RawRow[] = await dataSource.query(
        `SELECT * FROM ${tableOf(dataSource, entity)} WHERE ${conditions.join(" OR ")}`,
        params.values,
      );
      const found = new Map<string, T>();
      for (const record of hydrateRows(dataSource, entity, rows)) {
        for (const field of valuesByField.keys()) found.set(cacheKey({ field, value: record[field] }), record);
      }
      return keys.map((key) => found.get(cacheKey(key)) ?? null);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

/**
 * A value made once per request, on first use (so requests that resolve no references create no loader).
 * Keyed by the request's context object, so it goes away with the request.
 */
export function perRequest<T>(create: (context: RequestContext) => T): (context: RequestContext) => T {
  const byRequest = new WeakMap<RequestContext, T>();
  return (context) => {
    let value = byRequest.get(context);
    if (value === undefined) {
      value = create(context);
      byRequest.set(context, value);
    }
    return value;
  };
}
