import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { hydrateRows, type RawRow, tableOf } from "../queries/hydrate";

/** The human-key columns a record can be looked up by (a whitelist: they become SQL identifiers). */
export type HumanKeyColumn = "slug" | "code";

/**
 * Per-request loaders of whole records by internal id or by human key, one per entity class:
 * `loaders.records.byId(Meeting).load(7)`, `loaders.records.byKey(State, "code").load("FR")`.
 * Each batch is one `WHERE column = ANY($1)` statement; unknown ids/keys load as null.
 */
export class RecordLoaders {
  private readonly idLoaders = new Map<unknown, DataLoader<number, unknown>>();
  private readonly keyLoaders = new Map<unknown, DataLoader<string, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  byId<T extends ObjectLiteral>(target: EntityTarget<T>): DataLoader<number, T | null> {
    let loader = this.idLoaders.get(target);
    if (!loader) {
      loader = new DataLoader<number, T | null>((ids) => this.loadBy(target, "id", ids, (row) => row.id as number));
      this.idLoaders.set(target, loader);
    }
    return loader as DataLoader<number, T | null>;
  }

  byKey<T extends ObjectLiteral>(target: EntityTarget<T>, key: HumanKeyColumn): DataLoader<string, T | null> {
    const mapKey = `${String((target as { name?: string }).name)}:${key}`;
    let loader = this.keyLoaders.get(mapKey);
    if (!loader) {
      loader = new DataLoader<string, T | null>((keys) => this.loadBy(target, key, keys, (row) => row[key] as string));
      this.keyLoaders.set(mapKey, loader);
    }
    return loader as DataLoader<string, T | null>;
  }

  private async loadBy<T extends ObjectLiteral, K extends number | string>(
    target: EntityTarget<T>,
    column: "id" | HumanKeyColumn,
    keys: readonly K[],
    keyOf: (row: T) => K,
  ): Promise<(T | null)[]> {
    const rows: RawRow[] = await this.dataSource.query(
      `SELECT * FROM ${tableOf(this.dataSource, target)} WHERE "${column}" = ANY($1)`,
      [keys],
    );
    const byKey = new Map<K, T>();
    for (const record of hydrateRows(this.dataSource, target, rows)) byKey.set(keyOf(record), record);
    return keys.map((key) => byKey.get(key) ?? null);
  }
}
