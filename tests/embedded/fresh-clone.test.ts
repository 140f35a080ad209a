import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "../../src/db/embedded-postgres";
import { rootCacheDataHome } from "../../src/db/embedded-postgres-placement";

/**
 * A newcomer's first steps, as root in CI: the repository (its committed HEAD) cloned into a mode-0700
 * folder, as under /root; `npm run build`; DATABASE_URL unset; `npm start` to readiness; `apikey create`
 * while it runs; then the server stopped by SIGTERM, and once more by SIGHUP as a closed terminal
 * sends it (to the whole process group). No PostgreSQL may be left running, no password file in /tmp.
 */
const REPO = path.resolve(__dirname, "../../..");
const ROOT = process.getuid?.() === 0;

let home: string;
let clone: string;

/**
 * node_modules as `npm ci` leaves it, without its 30 s: every package linked to the repository's,
 * except embedded-postgres and its binaries, copied so that they sit inside the 0700 folder.
 */
function installDependencies(): void {
  const shared = realpathSync(path.join(REPO, "node_modules"));
  const local = path.join(clone, "node_modules");
  mkdirSync(local);
  for (const entry of readdirSync(shared)) {
    const from = path.join(shared, entry);
    if (entry === "embedded-postgres" || entry === "@embedded-postgres")
      cpSync(from, path.join(local, entry), { recursive: true, verbatimSymlinks: true });
    else symlinkSync(from, path.join(local, entry));
  }
}

/** The environment a newcomer's shell has: this test's node first on PATH, no DATABASE_URL. */
function newcomerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    DATABASE_URL: "",
    EMBEDDED_PG_DIR: "",
    PORT: "0",
    LOG_LEVEL: "info",
  };
}

function run(command: string, args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(command, args, {
      cwd: clone,
      env: newcomerEnv(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function passwordFilesInTmp(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith("pg-password-"));
}

interface Started {
  npm: ChildProcess;
  output(): string;
  ideUrl: string;
}

/** `npm start` in a process group of its own, as a terminal runs it; resolves once the IDE's URL is printed. */
function npmStart(): Promise<Started> {
  const child = spawn("npm", ["start"], { cwd: clone, env: newcomerEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const ready = /Chancery is ready\. GraphQL IDE: (\S+)/.exec(output);
      if (ready) resolve({ npm: child, output: () => output, ideUrl: ready[1] });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
}

async function untilGone(pid: number): Promise<void> {
  while (isProcessAlive(pid)) await sleep(100);
}

before(() => {
  home = mkdtempSync(path.join(tmpdir(), "chancery-newcomer-"));
  assert.equal(statSync(home).mode & 0o777, 0o700);
  clone = path.join(home, "chancery");
  execFileSync("git", ["clone", "--quiet", REPO, clone]);
  installDependencies();
  const built = run("npm", ["run", "build", "--silent"]);
  assert.equal(built.code, 0, built.stderr);
});
after(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(rootCacheDataHome(path.join(clone, ".data", "postgres")), { recursive: true, force: true });
});

for (const signal of ["SIGTERM", "SIGHUP"] as const) {
  test(`a fresh clone in a 0700 folder: npm start, apikey create while it runs, ${signal} stops everything`, {
    timeout: 300_000,
  }, async (t) => {
    const passwordFilesBefore = passwordFilesInTmp();
    const started = await npmStart();
    const record = JSON.parse(readFileSync(path.join(clone, ".data", "postgres.json"), "utf8")) as {
      pid: number;
      postgresPid: number;
    };
    t.after(() => {
      for (const pid of [-started.npm.pid!, record.pid, record.postgresPid]) {
        if (isProcessAlive(Math.abs(pid))) process.kill(pid, "SIGKILL");
      }
    });
    if (ROOT)
      assert.match(
        started.output(),
        /the postgres user cannot reach/,
        "as root, PostgreSQL's data and binaries moved out of the 0700 folder",
      );

    // The built entry of `npm run apikey` (which only rebuilds first).
    const created = run(process.execPath, [
      "dist/src/cli/apikey.js",
      "create",
      "--role",
      "EDITOR",
      "--label",
      `first-key-${signal}`,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const secret = created.stdout.trimEnd().split("\n").at(-1);
    assert.match(secret ?? "", /^chy_/);
    const answer = await fetch(started.ideUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: "{ apiVersion }" }),
    });
    assert.equal(answer.status, 200, "the server knows the key the CLI created");

    process.kill(-started.npm.pid!, signal);
    await untilGone(record.pid);
    await untilGone(record.postgresPid);
    assert.match(started.output(), /"msg":"database closed"/, "the server stopped in order");
    assert.equal(existsSync(path.join(clone, ".data", "postgres.json")), false);
    assert.deepEqual(
      passwordFilesInTmp().filter((name) => !passwordFilesBefore.includes(name)),
      [],
    );
  });
}
