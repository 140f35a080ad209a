/**
 * `npm run import -- FILE... [--dry-run]`: imports record bundles (docs/bundle-format.md), each
 * in its own transaction, and prints the counts. A bad bundle prints one problem per line and exits 1.
 */
import { readFile } from "node:fs/promises";
import { GraphQLError } from "graphql";
import { ConfigError, loadConfig } from "../config";
import { openDatabase } from "../db/database";
import { applyMigrations } from "../db/migrations";
import { importBundle } from "../import/import-bundle";
import { describeImport, describeProblems } from "../import/import-report";
import { createLogger } from "../logger";
import { userFacingReason } from "./cli-errors";

function parseArguments(args: string[]): { files: string[]; dryRun: boolean } {
  const unknown = args.filter((arg) => arg.startsWith("-") && arg !== "--dry-run");
  if (unknown.length > 0) throw new ConfigError(`unknown option ${unknown[0]} (usage: npm run import -- FILE... [--dry-run])`);
  const files = args.filter((arg) => !arg.startsWith("-"));
  if (files.length === 0) throw new ConfigError("no bundle given (usage: npm run import -- FILE... [--dry-run])");
  return { files, dryRun: args.includes("--dry-run") };
}

async function readBundle(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function main(): Promise<number> {
  const { files, dryRun } = parseArguments(process.argv.slice(2));
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn");
  const database = await openDatabase(config, log, "chancery-import");
  let failed = false;
  try {
    if (config.migrate) await applyMigrations(database.dataSource);
    for (const file of files) {
      try {
        const result = await importBundle(database.dataSource, await readBundle(file), {
          dryRun,
          actor: "cli",
          statementTimeoutMs: config.importStatementTimeoutMs,
        });
        for (const line of describeImport(file, result)) console.log(line);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        failed = true;
        console.error(`${file}: rejected, nothing written`);
        for (const line of describeProblems(error)) console.error(`  ${line}`);
      }
    }
  } finally {
    await database.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    // exitCode, not exit(): stdout may be a pipe still being written.
    process.exitCode = code;
  },
  (error) => {
    console.error(userFacingReason(error) ?? error);
    process.exitCode = 1;
  },
);
