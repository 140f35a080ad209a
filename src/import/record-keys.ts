import type { EntityManager } from "typeorm";
import { keyedTable } from "../entities/record-tables";
import type { ReferenceType } from "../records/entry-reader";

/** Internal ids by human key, for records stored before the import and records it writes. */
export class RecordKeys {
  private readonly ids = new Map<ReferenceType, Map<string, number>>();

  private of(type: ReferenceType): Map<string, number> {
    let byKey = this.ids.get(type);
    if (!byKey) {
      byKey = new Map();
      this.ids.set(type, byKey);
    }
    return byKey;
  }

  set(type: ReferenceType, key: string, id: number): void {
    this.of(type).set(key, id);
  }

  has(type: ReferenceType, key: string): boolean {
    return this.of(type).has(key);
  }

  /** The id of a key the validation proved to exist (in the bundle or stored). */
  id(type: ReferenceType, key: string): number {
    const id = this.of(type).get(key);
    if (id === undefined) throw new Error(`import: no id for ${type} "${key}" (written out of order?)`);
    return id;
  }

  /** `id`, or null for a null key. */
  optionalId(type: ReferenceType, key: string | null): number | null {
    return key === null ? null : this.id(type, key);
  }

  /** `optionalId`, or undefined for a reference the entry leaves out (the stored one stays). */
  presentId(type: ReferenceType, key: string | null | undefined): number | null | undefined {
    return key === undefined ? undefined : this.optionalId(type, key);
  }

  /** Loads the ids of the stored records among `keys`, one statement per call. */
  async load(manager: EntityManager, type: ReferenceType, keys: string[]): Promise<void> {
    const wanted = [...new Set(keys)].filter((key) => !this.has(type, key));
    if (wanted.length === 0) return;
    const { table, keyColumn: column } = keyedTable(type);
    const rows: { id: number; key: string }[] = await manager.query(
      `SELECT id, "${column}" AS key FROM "${table}" WHERE "${column}" = ANY($1)`,
      [wanted],
    );
    for (const row of rows) this.set(type, row.key, row.id);
  }
}
