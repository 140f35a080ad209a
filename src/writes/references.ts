import type { EntityManager } from "typeorm";
import { keyedTable, type ReferencedRecord } from "../entities/record-tables";
import type { Problems } from "./problems";

export type ReferenceKind = ReferencedRecord;

/**
 * Human-key references of one write, resolved in one query per kind. Call `want` for each reference
 * with its input path, `load` once (it reports every unknown key as a problem at each path where it
 * was written), then `id` to read the internal ids.
 */
export class References {
  private readonly wanted = new Map<ReferenceKind, Map<string, string[]>>();
  private readonly ids = new Map<ReferenceKind, Map<string, number>>();

  constructor(private readonly manager: EntityManager) {}

  want(kind: ReferenceKind, key: string | null | undefined, path: string): void {
    if (key === null || key === undefined) return;
    let keys = this.wanted.get(kind);
    if (!keys) {
      keys = new Map();
      this.wanted.set(kind, keys);
    }
    keys.set(key, [...(keys.get(key) ?? []), path]);
  }

  wantAll(kind: ReferenceKind, keys: readonly string[] | null | undefined, path: string): void {
    keys?.forEach((key, index) => {
      this.want(kind, key, `${path}[${index}]`);
    });
  }

  async load(problems: Problems): Promise<void> {
    for (const [kind, keys] of this.wanted) {
      const { table, keyColumn } = keyedTable(kind);
      const rows: { id: number; key: string }[] = await this.manager.query(
        `SELECT id, "${keyColumn}" AS key FROM "${table}" WHERE "${keyColumn}" = ANY($1)`,
        [[...keys.keys()]],
      );
      const found = new Map(rows.map((row) => [row.key, row.id]));
      this.ids.set(kind, found);
      for (const [key, paths] of keys) {
        if (!found.has(key)) for (const path of paths) problems.add(path, `unknown ${kind} "${key}"`);
      }
    }
  }

  /** The id of a loaded reference (null for a null key). Only call after `load` reported no problem for it. */
  id(kind: ReferenceKind, key: string): number;
  id(kind: ReferenceKind, key: string | null | undefined): number | null;
  id(kind: ReferenceKind, key: string | null | undefined): number | null {
    if (key === null || key === undefined) return null;
    const id = this.ids.get(kind)?.get(key);
    if (id === undefined) throw new Error(`reference ${kind} "${key}" was not loaded`);
    return id;
  }
}
