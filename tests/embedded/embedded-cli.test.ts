import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "../../src/db/embedded-postgres";
import { rootCacheDataHome } from "../../src/db/embedded-postgres-placement";
import { badBundle } from "../import/fixtures";
import { START_SCRIPT, spawnServer } from "../server/process-harness";
import { type CliRun, runCli } from "../support/run-cli";

/**
 * The CLIs as a newcomer runs them: DATABASE_URL unset, so each one starts the embedded PostgreSQL
 * itself (its data in a mode-0700 folder, as a checkout under /root has), or uses the one of a
 * running `npm start`. Exit codes must tell the truth on this path too.
 */
const CLI_DIR = path.resolve(__dirname, "../../src/cli");

let home: string;
const dataDir = () => path.join(home, "postgres");
const embeddedEnv = () => ({ DATABASE_URL: "", EMBEDDED_PG_DIR: dataDir(), LOG_LEVEL: "silent" });

function cli(name: string, args: string[]): Promise<CliRun> {
  return runCli(path.join(CLI_DIR, `${name}.js`), args, embeddedEnv());
}

before(async () => {
  home = await mkdtemp(path.join(tmpdir(), "chancery-embedded-"));
  const migrated = await cli("migrate", []);
  assert.equal(migrated.code, 0, migrated.stderr);
});
after(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(rootCacheDataHome(dataDir()), { recursive: true, force: true });
});

test("import: a bad bundle exits 1 on the embedded database", async () => {
  const bad = path.join(home, "bad.json");
  await writeFile(bad, JSON.stringify(badBundle()));
  const rejected = await cli("import", [bad]);
  assert.equal(rejected.code, 1, rejected.stderr);
  assert.match(rejected.stderr, /bad\.json: rejected, nothing written/);
});

test("saved: showing a name that does not exist exits 1, listing exits 0", async () => {
  const missing = await cli("saved", ["show", "nope"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no saved query is named "nope"/);
  const listed = await cli("saved", ["list"]);
  assert.equal(listed.code, 0, listed.stderr);
});

test("apikey: a missing label, a duplicate label and an unknown key to revoke exit 2", async () => {
  const missingLabel = await cli("apikey", ["create", "--role", "READER"]);
  assert.equal(missingLabel.code, 2);
  assert.match(missingLabel.stderr, /create needs --role and --label/);

  assert.equal((await cli("apikey", ["create", "--role", "READER", "--label", "twice"])).code, 0);
  const duplicate = await cli("apikey", ["create", "--role", "READER", "--label", "twice"]);
  assert.equal(duplicate.code, 2, duplicate.stdout);
  assert.match(duplicate.stderr, /a key labelled "twice" already exists/);

  const unknown = await cli("apikey", ["revoke", "no-such-key"]);
  assert.equal(unknown.code, 2, unknown.stdout);
  assert.match(unknown.stderr, /no API key with id or label "no-such-key"/);
});

test("a database held by another process, then left running when that process is killed: one line naming the PID", async () => {
  const launcher = path.resolve(__dirname, "../../src/db/embedded-postgres.js");
  const script = `require(${JSON.stringify(launcher)}).startEmbeddedPostgres(${JSON.stringify(dataDir())}).then((db) => console.log(db.pid))`;
  const holder = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(createInterface({ input: holder.stdout }), "line")) as [string];
  const postgresPid = Number(line);
  try {
    const held = await cli("saved", ["list"]);
    assert.equal(held.code, 1);
    assert.match(
      held.stderr.trim(),
      new RegExp(
        `^the embedded PostgreSQL in \\S+ is in use by PID ${holder.pid} \\(node -e [^\\n]*\\): wait for it to finish or stop it \\(kill ${holder.pid}\\)[^\\n]*$`,
      ),
    );

    holder.kill("SIGKILL");
    await once(holder, "exit");
    const orphaned = await cli("saved", ["list"]);
    assert.equal(orphaned.code, 1);
    assert.equal(
      orphaned.stderr.trim(),
      `the embedded PostgreSQL in ${dataDir()} is still running as PID ${postgresPid}, left behind by a process that has ended: stop it (kill ${postgresPid}) and try again`,
    );
  } finally {
    holder.kill("SIGKILL");
    process.kill(postgresPid, "SIGINT");
    while (isProcessAlive(postgresPid)) await sleep(100);
  }
  assert.equal((await cli("saved", ["list"])).code, 0, "usable again once it is stopped");
});

test("beside a running npm start: a CLI uses its database, a second start says why it cannot, SIGHUP stops cleanly", async () => {
  const server = spawnServer({ ...embeddedEnv(), PORT: "0", LOG_LEVEL: "info" });
  try {
    const serving = await server.waitForLog((line) => line.msg === "Chancery is serving");
    const record = JSON.parse(readFileSync(`${dataDir()}.json`, "utf8")) as { pid: number; postgresPid: number };
    assert.equal(record.pid, server.child.pid);

    const created = await cli("apikey", ["create", "--role", "EDITOR", "--label", "beside-the-server"]);
    assert.equal(created.code, 0, created.stderr);
    const secret = created.stdout.trimEnd().split("\n").at(-1);
    const answer = await fetch(String(serving.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: "{ apiVersion }" }),
    });
    assert.equal(answer.status, 200, "the key the CLI wrote is in the server's database");

    const second = await runCli(START_SCRIPT, [], { ...embeddedEnv(), PORT: "0" });
    assert.equal(second.code, 1);
    assert.deepEqual(second.stderr.trim().split("\n"), [
      `chancery: cannot start: the embedded PostgreSQL in ${dataDir()} is in use by another Chancery server (PID ${record.pid}): stop it first (Ctrl+C in its terminal, or kill ${record.pid}), or give this one DATABASE_URL or another EMBEDDED_PG_DIR`,
    ]);

    server.child.kill("SIGHUP");
    assert.deepEqual(await server.exited, { code: 0, signal: null });
    assert.equal(isProcessAlive(record.postgresPid), false, "no PostgreSQL left running");
    assert.equal(existsSync(`${dataDir()}.json`), false, "the record is gone with the server");
  } finally {
    server.child.kill("SIGKILL");
  }
});
