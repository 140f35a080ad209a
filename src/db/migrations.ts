import { type DataSource, MigrationExecutor, type QueryRunner } from "typeorm";
import type { Logger } from "../logger";

/** Taken by every instance before it migrates or seeds; advisory locks are per database. */
export const STARTUP_LOCK_KEY = 0x43_48_4d_47; // "CHMG"

/**
 * Takes the start-up lock for the runner's transaction. The wait lasts as long as another instance's
 * migrations, so neither the statement nor the lock timeout applies to it; both apply again after.
 */
async function takeStartupLock(runner: QueryRunner, log?: Logger): Promise<void> {
  const [{ locked }]: { locked: boolean }[] = await runner.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
    STARTUP_LOCK_KEY,
  ]);
  if (locked) return;
  log?.info("another instance is migrating or seeding: waiting for it");
  await runner.query("SET LOCAL statement_timeout = 0");
  await runner.query("SET LOCAL lock_timeout = 0");
  await runner.query("SELECT pg_advisory_xact_lock($1)", [STARTUP_LOCK_KEY]);
  await runner.query("SET LOCAL statement_timeout TO DEFAULT");
  await runner.query("SET LOCAL lock_timeout TO DEFAULT");
}

/**
 * Runs `work` in one transaction holding the start-up lock, so that of several instances starting at
 * once one migrates (or seeds) while the others wait, then find nothing left to do. A transaction
 * lock, not a session one: it ends with the transaction whatever happens, and works through PgBouncer
 * in transaction mode. `work` gets the transaction's connection and should use it alone: with a pool
 * of one there is no other.
 */
export async function withStartupLock<T>(
  dataSource: DataSource,
  log: Logger | undefined,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await takeStartupLock(runner, log);
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** Applies pending migrations in the start-up lock's transaction; returns the names applied. */
export async function applyMigrations(dataSource: DataSource, log?: Logger): Promise<string[]> {
  return withStartupLock(dataSource, log, async (runner) => {
    // In an open transaction, TypeORM's "all" mode runs every migration in it and leaves the commit to us.
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
