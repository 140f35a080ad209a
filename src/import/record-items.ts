import type { BundleReader, JsonObject } from "./bundle-reader";

/** Reads one record at `path` (an object already checked) into its typed form. */
type RecordParser<T> = (reader: BundleReader, object: JsonObject, path: string) => T;

/** Reads each object of the array at `key`; items that are not objects become problems only. */
export function readItems<T>(
  reader: BundleReader,
  object: JsonObject,
  key: string,
  path: string,
  fields: readonly string[],
  parse: RecordParser<T>,
): T[] {
  const items: T[] = [];
  for (const item of reader.list(object, key, path)) {
    const itemObject = reader.object(item.value, item.path, fields);
    if (itemObject) items.push(parse(reader, itemObject, item.path));
  }
  return items;
}

/** Names every item whose key was already used earlier in the same list. */
export function reportDuplicates<T>(
  reader: BundleReader,
  items: T[],
  keyOf: (item: T) => string,
  listPath: string,
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else reader.problem(`${listPath}[${index}]`, `${what} "${key}" is already at ${listPath}[${first}]`);
  });
}
