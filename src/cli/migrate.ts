/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded PostgreSQL).
 * `npm run migrate -- --revert-all` reverts every applied migration, newest first.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { EmbeddedPostgresError } from "../db/embedded-postgres";
import { applyMigrations, revertAllMigrations } from "../db/migrations";
import { createLogger } from "../logger";

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const database = await openDatabase(config, log, "chancery-migrate");
  try {
    if (argv.includes("--revert-all")) {
      const reverted = await revertAllMigrations(database.dataSource);
      console.log(`reverted ${reverted} migration(s)`);
      return;
    }
    const applied = await applyMigrations(database.dataSource);
    console.log(applied.length > 0 ? `applied: ${applied.join(", ")}` : "migrations up to date");
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    if (error instanceof ConfigError) console.error(`chancery: bad configuration: ${error.message}`);
    else console.error(error instanceof EmbeddedPostgresError ? `chancery: ${error.message}` : error);
    process.exit(1);
  },
);
