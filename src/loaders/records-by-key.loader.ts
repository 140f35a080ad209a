import DataLoader from "dataloader";
import type { DataSource, ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { hydrateRows, type RawRow, tableOf } from "../queries/hydrate";
import type { Projection } from "../queries/projection/selection-projection";
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
const NODE_COLUMN = "__node";

/**
 * Loads records of one entity by any mix of keys in ONE statement (`WHERE id = ANY($1) OR slug = ANY($2)`);
 * answers in the order asked, null for unknown keys. `keyFields` is the whitelist of properties a key may name
 * (they become SQL identifiers). Hand-written SQL hydrated like READ's record loaders: TypeORM's query builder
 * costs far more CPU. With a `projection`, each record is the object it builds in SQL (the client's selection),
 * not an entity.
 */
export function recordsByKeys<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: RecordEntity<T>,
  keyFields: readonly string[],
  projection: Projection | null = null,
): (keys: readonly RecordKey[]) => Promise<(T | null)[]> {
  const metadata = dataSource.getMetadata(entity);
  const columnOf = (field: string): string => {
    const column = keyFields.includes(field) ? metadata.findColumnWithPropertyName(field) : undefined;
    if (!column) throw new Error(`${entity.name} cannot be looked up by ${field}`);
    return column.databaseName;
  };
  return async (keys) => {
    if (keys.length === 0) return [];
    const valuesByField = new Map<string, (string | number)[]>();
    for (const key of keys) {
      const values = valuesByField.get(key.field);
      if (values) values.push(key.value);
      else valuesByField.set(key.field, [key.value]);
    }
    const params = new SqlParams();
    const conditions = [...valuesByField].map(([field, values]) => `r."${columnOf(field)}" = ANY(${params.add(values)})`);
    const selected = projection
      ? [
          `${projection.sql("r", params)} AS ${NODE_COLUMN}`,
          ...[...valuesByField.keys()].map((field) => `r."${columnOf(field)}"`),
        ]
      : ["r.*"];
    const rows: RawRow[] = await dataSource.query(
      `SELECT ${selected.join(", ")} FROM ${tableOf(dataSource, entity)} r WHERE ${conditions.join(" OR ")}`,
      params.values,
    );
    const found = new Map<string, T>();
    const records = projection ? rows.map((row) => row[NODE_COLUMN] as T) : hydrateRows(dataSource, entity, rows);
    records.forEach((record, index) => {
      for (const field of valuesByField.keys()) {
        const value = projection ? rows[index][columnOf(field)] : record[field];
        found.set(cacheKey({ field, value: value as string | number }), record);
      }
    });
    return keys.map((key) => found.get(cacheKey(key)) ?? null);
  };
}

/** `recordsByKeys` behind a DataLoader: the keys asked for one at a time in a tick go out in one statement. */
export function createRecordsByKeyLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: RecordEntity<T>,
  keyFields: readonly string[],
  projection: Projection | null = null,
): RecordsByKeyLoader<T> {
  return new DataLoader(recordsByKeys(dataSource, entity, keyFields, projection), { cacheKeyFn: cacheKey, maxBatchSize: 1000 });
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
