import type { DataSource } from "typeorm";

/** Applies pending migrations in one transaction; returns the names applied. */
export async function applyMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "all" });
  return applied.map((migration) => migration.name);
}

/** True when every migration known to the code has been applied (what /readyz checks). */
export async function migrationsUpToDate(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}
