/** `npm run seed`: loads the demo records from seed/demo-records.json (idempotent) and prints the counts. */
import { loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { describeImport } from "../import/import-report";
import { demoBundlePath, seedDemoRecords } from "../import/seed";
import { createLogger } from "../logger";
import { userFacingReason } from "./cli-errors";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const database = await openDatabase(config, log, "chancery-seed");
  try {
    if (config.migrate) await applyMigrations(database.dataSource);
    const result = await seedDemoRecords(database.dataSource);
    for (const line of describeImport(demoBundlePath(), result)) console.log(line);
  } finally {
    await database.close();
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error) => {
    console.error(userFacingReason(error) ?? error);
    process.exitCode = 1;
  },
);
