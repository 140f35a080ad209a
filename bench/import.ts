/**
 * `npm run bench:import [-- --meetings 2000,20000] [--admin-url URL]`: times imports of generated
 * bundles (tests/support/generated-bundle.ts: every kind of part) into a freshly migrated database each,
 * with the server's default timeouts, and reports records per second. Each size gets its own database,
 * dropped afterwards.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { applyMigrations } from "../src/db/migrations";
import { importBundle } from "../src/import/import-bundle";
import { databaseUrl } from "../tests/support/database-url";
import { generatedBundle, generatedCounts } from "../tests/support/generated-bundle";
import { adminQuery } from "./dataset";

const RECORD_TABLES = ["source", "state", "topic", "coalition", "official", "meeting", "outcome", "statement"];

interface ImportFigure {
  meetings: number;
  records: number;
  childRows: number;
  seconds: number;
  recordsPerSecond: number;
}

async function timeImport(adminUrl: string, meetings: number): Promise<ImportFigure> {
  const name = `chancery_bench_import_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}"`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl(adminUrl, name) });
  const dataSource = createDataSource({
    url: databaseUrl(adminUrl, name),
    statementTimeoutMs: config.dbStatementTimeoutMs,
    lockTimeoutMs: config.dbLockTimeoutMs,
  });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
    const bundle = generatedBundle(meetings);
    const started = process.hrtime.bigint();
    const result = await importBundle(dataSource, bundle, {
      actor: "bench",
      statementTimeoutMs: config.importStatementTimeoutMs,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const counts = generatedCounts(meetings);
    const records = RECORD_TABLES.reduce((sum, table) => sum + counts[table as keyof typeof counts], 0);
    if (result.created !== records) throw new Error(`expected ${records} records created, got ${result.created}`);
    const childRows = Object.values(counts).reduce((sum, count) => sum + count, 0) - records;
    return { meetings, records, childRows, seconds, recordsPerSecond: records / seconds };
  } finally {
    await dataSource.destroy();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}"`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      meetings: { type: "string", default: "2000,20000" },
      "admin-url": { type: "string", default: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const sizes = values.meetings.split(",").map((size) => Number(size.trim()));
  console.log("meetings  records  child rows  seconds  records/s");
  for (const meetings of sizes) {
    const figure = await timeImport(values["admin-url"], meetings);
    console.log(
      `${String(figure.meetings).padStart(8)} ${String(figure.records).padStart(8)} ${String(figure.childRows).padStart(11)} ` +
        `${figure.seconds.toFixed(1).padStart(8)} ${Math.round(figure.recordsPerSecond).toString().padStart(10)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
