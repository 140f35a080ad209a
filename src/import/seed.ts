import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DataSource, QueryRunner } from "typeorm";
import { withStartupLock } from "../db/migrations";
import type { Logger } from "../logger";
import { type ImportResult, importBundle } from "./import-bundle";

const DEMO_BUNDLE = path.join("seed", "demo-records.json");

/** The demo bundle, found from this module upwards (it runs from src/ under tests and from dist/src/ when built). */
export function demoBundlePath(): string {
  let directory = __dirname;
  for (;;) {
    const candidate = path.join(directory, DEMO_BUNDLE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`cannot find ${DEMO_BUNDLE} above ${__dirname}`);
    directory = parent;
  }
}

/** Imports the demo records transcribed from the seed article (seed/README.md); idempotent. */
export async function seedDemoRecords(dataSource: DataSource, queryRunner?: QueryRunner): Promise<ImportResult> {
  const bundle: unknown = JSON.parse(await readFile(demoBundlePath(), "utf8"));
  return importBundle(dataSource, bundle, { actor: "seed", queryRunner });
}

/** True when no record of any top-level type is stored. */
async function holdsNoRecords(runner: QueryRunner): Promise<boolean> {
  const tables = ["state", "source", "topic", "coalition", "official", "meeting", "outcome", "statement"];
  const [row]: { any: boolean }[] = await runner.query(
    `SELECT ${tables.map((table) => `EXISTS (SELECT 1 FROM "${table}")`).join(" OR ")} AS any`,
  );
  return !row.any;
}

/**
 * Loads the demo records when the database holds no records at all (what `npm start` does unless
 * SEED_DEMO=false; in production only with SEED_DEMO=true); null when it did nothing. Under the
 * start-up lock: of several instances starting together on an empty database, one seeds and the
 * others find its records.
 */
export async function seedIfEmpty(dataSource: DataSource, log: Logger): Promise<ImportResult | null> {
  const result = await withStartupLock(dataSource, log, async (runner) =>
    (await holdsNoRecords(runner)) ? seedDemoRecords(dataSource, runner) : null,
  );
  if (result) log.info({ created: result.created, byType: result.byType }, "demo records loaded");
  else log.debug("database holds records: demo records not loaded");
  return result;
}
