import type { DataSource } from "typeorm";

/** Applies pending migrations in one transaction; returns the names applied. */
export async function applyMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "all" });
  return applied.map((migration) => migration.name);
}

/** Reverts every applied migration, newest first (`npm run migrate -- --revert-all`, tests). */
export async function revertAllMigrations(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  while (await hasAppliedMigrations(dataSource)) {
    await dataSource.undoLastMigration({ transaction: "all" });
    reverted += 1;
  }
  return reverted;
}

async function appliedMigrationNames(dataSource: DataSource): Promise<Set<string> | undefined> {
  const table = dataSource.options.migrationsTableName ?? "migrations";
  // A query runner of our own, released in `finally`: TypeORM's showMigrations() keeps its
  // connection checked out when a query fails, which leaks the pool dry while the database is down.
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(table))) return undefined;
    const rows: { name: string }[] = await runner.query(`SELECT "name" FROM "${table}"`);
    return new Set(rows.map((row) => row.name));
  } finally {
    await runner.release();
  }
}

async function hasAppliedMigrations(dataSource: DataSource): Promise<boolean> {
  const applied = await appliedMigrationNames(dataSource);
  return applied !== undefined && applied.size > 0;
}

/** True when every migration known to the code has been applied (what /readyz checks). Creates nothing. */
export async function migrationsUpToDate(dataSource: DataSource): Promise<boolean> {
  const applied = await appliedMigrationNames(dataSource);
  if (!applied) return dataSource.migrations.length === 0;
  return dataSource.migrations.every((migration) => applied.has(migration.name ?? migration.constructor.name));
}
