/**
 * Times an import of a generated bundle (tests/support/generated-bundle.ts: every kind of part) into a freshly
 * migrated database of its own, with the server's default timeouts; the database is dropped afterwards. Used
 * by `npm run bench` (its import lines) and `npm run bench:import`.
 */
import { loadConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { applyMigrations } from "../src/db/migrations";
import { importBundle } from "../src/import/import-bundle";
import { databaseUrl } from "../tests/support/database-url";
import { generatedBundle, generatedCounts } from "../tests/support/generated-bundle";
import { adminQuery } from "./dataset";

const RECORD_TABLES = ["source", "state", "topic", "coalition", "official", "meeting", "outcome", "statement"];

export interface ImportFigure {
  meetings: number;
  records: number;
  childRows: number;
  seconds: number;
  recordsPerSecond: number;
}

export async function timeImport(adminUrl: string, meetings: number): Promise<ImportFigure> {
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
