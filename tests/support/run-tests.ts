/**
 * `npm test`: finds a PostgreSQL (DATABASE_URL, else an embedded one under .data/test-postgres),
 * migrates a template database once, then runs node's test runner over every compiled test file
 * (or the files given). Every test file clones the template into a database of its own
 * (tests/support/database.ts), so files never share rows.
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { createDataSource } from "../../src/db/data-source";
import { startEmbeddedPostgres } from "../../src/db/embedded-postgres";
import { applyMigrations } from "../../src/db/migrations";
import { databaseUrl } from "./database-url";

async function createTemplate(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const dataSource = createDataSource({ url: databaseUrl(adminUrl, name) });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function dropTemplate(adminUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.end();
}

/** The compiled test files under `dir`, by name: Node 21+ runs `node --test DIR` as one file named DIR, so the runner names each file. */
function testFilesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.js"))
    .sort()
    .map((file) => path.join(dir, file));
}

/** The arguments with each folder replaced by its test files; no file or folder named: every test file. */
function testArguments(args: string[]): string[] {
  const expanded = args.flatMap((arg) => (!arg.startsWith("-") && isDirectory(arg) ? testFilesIn(path.resolve(arg)) : [arg]));
  return expanded.some((arg) => arg.endsWith(".js")) ? expanded : [...expanded, ...testFilesIn(path.resolve(__dirname, ".."))];
}

function isDirectory(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function runNodeTests(env: NodeJS.ProcessEnv, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--test", "--test-concurrency=2", ...testArguments(args)], { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(".data/test-postgres");
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const template = `chancery_test_template_${process.pid}`;
  let exitCode = 1;
  try {
    await createTemplate(adminUrl, template);
    exitCode = await runNodeTests(
      {
        ...process.env,
        CHANCERY_TEST_ADMIN_URL: adminUrl,
        CHANCERY_TEST_TEMPLATE: template,
        LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
      },
      process.argv.slice(2),
    );
  } finally {
    await dropTemplate(adminUrl, template).catch(() => undefined);
    await embedded?.stop();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
