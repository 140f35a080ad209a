import { childPath, type JsonObject } from "./bundle-reader";

/**
 * Reads one record entry as a patch: a field the entry leaves out is `undefined` (the stored value
 * stays); a field it gives, even as `null`, is read. A required field left out is noted in `missing`
 * (a problem only when the record is not stored yet: see stored-entry-checks.ts).
 */
export class EntryFields {
  readonly missing: string[] = [];

  constructor(
    private readonly object: JsonObject,
    readonly path: string,
  ) {}

  /** True when the entry writes the key (JSON has no undefined: a key left out reads as undefined). */
  has(key: string): boolean {
    return this.object[key] !== undefined;
  }

  /** `read()` when the entry has the key, else undefined. */
  optional<T>(key: string, read: () => T): T | undefined {
    return this.has(key) ? read() : undefined;
  }

  /** `read()` (which reports an explicit null as required) when the entry has the key, else undefined and noted missing. */
  required<T>(key: string, read: () => T): T | undefined {
    if (this.has(key)) return read();
    this.missing.push(childPath(this.path, key));
    return undefined;
  }
}
