import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type CliRun, runCli } from "../support/run-cli";
import { snapshotTables } from "../support/table-snapshot";
import { badBundle } from "./fixtures";

const CLI = path.resolve(__dirname, "../../src/cli/import.js");
const DEMO = path.resolve(__dirname, "../../../seed/demo-records.json");

let db: TestDatabase;
let scratch: string;
before(async () => {
  db = await createTestDatabase();
  scratch = await mkdtemp(path.join(tmpdir(), "chancery-import-"));
});
after(async () => {
  await db.drop();
  await rm(scratch, { recursive: true, force: true });
});

function runImport(args: string[]): Promise<CliRun> {
  return runCli(CLI, args, { DATABASE_URL: db.url, LOG_LEVEL: "silent" });
}

test("--dry-run prints the counts and writes nothing", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const { code, stdout } = await runImport([DEMO, "--dry-run"]);
  assert.equal(code, 0);
  assert.match(stdout, /dry run, nothing written; would be 30 created, 0 updated, 0 unchanged/);
  assert.match(stdout, /meetings: 7 created, 0 updated, 0 unchanged/);
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("an import prints the counts, and a second one finds everything unchanged", async () => {
  const first = await runImport([DEMO]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /30 created, 0 updated, 0 unchanged/);
  const second = await runImport([DEMO]);
  assert.match(second.stdout, /0 created, 0 updated, 30 unchanged/);
});

test("a bad bundle prints one problem per line and exits 1", async () => {
  const file = path.join(scratch, "bad.json");
  await writeFile(file, JSON.stringify(badBundle()));
  const { code, stderr } = await runImport([file]);
  assert.equal(code, 1);
  assert.match(stderr, /rejected, nothing written/);
  assert.match(stderr, /^ {2}meetings\[0\]\.participants\[0\]\.official: unknown official "nobody-known"$/m);
  assert.match(stderr, /^ {2}meetings\[0\]\.status: /m);
});
