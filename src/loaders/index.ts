import type { DataSource } from "typeorm";

/** Every per-request DataLoader, by name. Each runs one SQL statement per batch. */
export type Loaders = {};

export function createLoaders(_dataSource: DataSource): Loaders {
  return {};
}
