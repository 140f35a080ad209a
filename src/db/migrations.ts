import { type DataSource, MigrationExecutor, type QueryRunner } from "typeorm";
import type { Logger } from "../logger";

/** Taken by every instance before it migrates or seeds; advisory locks are per database. */
export const STARTUP_LOCK_KEY = 0x43_48_4d_47; // "CHMG"

/**
 * Waits for the start-up lock, a session-level advisory lock on this runner's connection. The wait
 * lasts as long as another instance's migrations, so neither the statement nor the lock timeout applies.
 */
async function takeStartupLock(runner: QueryRunner, log?: Logger): Promise<void> {
  const [{ locked }]: { locked: boolean }[] = await runner.query("SELECT pg_try_advisory_lock($1) AS locked", [STARTUP_LOCK_KEY]);
  if (locked) return;
  log?.info("another instance is migrating or seeding: waiting for it");
  await runner.startTransaction();
  try {
    await runner.query("SET LOCAL statement_timeout = 0");
    await runner.query("SET LOCAL lock_timeout = 0");
    // A session lock outlives this transaction, which only scopes the two settings.
    await runner.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  }
}

/**
 * Runs `work` on one connection holding the start-up lock, so that of several instances starting at
 * once one migrates (or seeds) while the others wait, then find nothing left to do. `work` gets the
 * connection and should use it alone: with a pool of one there is no other.
 */
export async function withStartupLock<T>(
  dataSource: DataSource,
  log: Logger | undefined,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await takeStartupLock(runner, log);
    return await work(runner);
  } finally {
    // Frees the lock if it was taken; should the connection be broken, the server has freed it already.
    await runner.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    await runner.release();
  }
}

/** Applies pending migrations in one transaction, under the start-up lock; returns the names applied. */
export async function applyMigrations(dataSource: DataSource, log?: Logger): Promise<string[]> {
  return withStartupLock(dataSource, log, async (runner) => {
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = "all";
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  });
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
