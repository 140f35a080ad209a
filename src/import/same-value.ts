/** Dates as ISO text and object keys sorted, so values read back from PostgreSQL (jsonb reorders keys) compare equal. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value === undefined ? null : value;
}

/** Deep equality of plain values as stored: dates by instant, objects by content regardless of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** True when every field `wanted` gives (undefined: left as stored) holds the same value in `stored`. */
export function sameFields(stored: object, wanted: object): boolean {
  const storedFields = new Map(Object.entries(stored));
  return Object.entries(wanted).every(([key, value]) => value === undefined || sameValue(storedFields.get(key), value));
}

/** The fields an entry gives: those left out (undefined) are dropped, so writes leave them as stored. */
export function givenFields<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
