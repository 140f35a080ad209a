import DataLoader from "dataloader";
import type { DataSource, ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";

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
 * `keyFields` is the whitelist of properties a key may name.
 */
export function createRecordsByKeyLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: RecordEntity<T>,
  keyFields: readonly string[],
): RecordsByKeyLoader<T> {
  return new DataLoader(
    async (keys) => {
      const valuesByField = new Map<string, (string | number)[]>();
      for (const key of keys) {
        if (!keyFields.includes(key.field)) throw new Error(`${entity.name} cannot be looked up by ${key.field}`);
        valuesByField.set(key.field, [...(valuesByField.get(key.field) ?? []), key.value]);
      }
      const query = dataSource.getRepository(entity).createQueryBuilder("record");
      [...valuesByField.entries()].forEach(([field, values], index) => {
        query.orWhere(`record.${field} = ANY(:keys${index})`, { [`keys${index}`]: values });
      });
      const rows = await query.getMany();
      const found = new Map<string, T>();
      for (const row of rows) {
        for (const field of valuesByField.keys()) found.set(cacheKey({ field, value: row[field] }), row);
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
