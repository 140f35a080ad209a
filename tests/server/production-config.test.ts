import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { get, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig } from "../../src/config";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { START_SCRIPT, spawnServer } from "./process-harness";
import { startLoggedServer } from "./server-harness";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

/** The environment of the tests without DATABASE_URL and NODE_ENV, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, NODE_ENV: _mode, ...rest } = process.env;
  return { ...rest, ...env };
}

for (const [name, value, mentions] of [
  ["HOST", "not a host!", /HOST="not a host!" must be an IP address or a host name/],
  ["KEEP_ALIVE_TIMEOUT_MS", "0", /KEEP_ALIVE_TIMEOUT_MS="0" is not a whole number from 1 to 3600000/],
  ["HEADERS_TIMEOUT_MS", "soon", /HEADERS_TIMEOUT_MS="soon" is not a whole number from 1 to 300000/],
  ["SEED_DEMO", "perhaps", /SEED_DEMO="perhaps" must be true or false/],
] as const) {
  test(`npm start with ${name}=${value} exits 1 with one clear line`, async () => {
    const server = spawnServer({ [name]: value });
    assert.equal((await server.exited).code, 1);
    assert.deepEqual(server.stderr().trim().split("\n").length, 1, server.stderr());
    assert.match(server.stderr(), mentions);
  });
}

test("NODE_ENV=production without DATABASE_URL exits 1 with one line, before starting anything", async () => {
  const server = spawnServer({ NODE_ENV: "production", DATABASE_URL: "" });
  assert.equal((await server.exited).code, 1);
  assert.equal(
    server.stderr(),
    "chancery: bad configuration: DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development)\n",
  );
  assert.equal(server.logs.length, 0);
});

test("demo records: loaded by default outside production, not in production unless SEED_DEMO=true, never with SEED_DEMO=false", () => {
  const url = "postgres://db.example/chancery";
  const seeds = (env: Record<string, string>) => loadConfig(cleanEnv({ DATABASE_URL: url, ...env })).seedDemo;
  assert.equal(seeds({}), true);
  assert.equal(seeds({ SEED_DEMO: "false" }), false);
  assert.equal(seeds({ NODE_ENV: "production" }), false);
  assert.equal(seeds({ NODE_ENV: "production", SEED_DEMO: "true" }), true);
});

async function meetingCount(): Promise<number> {
  const [{ count }]: { count: number }[] = await db.dataSource.query("SELECT count(*)::int AS count FROM meeting");
  return count;
}

test("a production start on an empty database serves it empty; SEED_DEMO=true loads the demo records", async () => {
  const env = { NODE_ENV: "production", DATABASE_URL: db.url, PORT: "0", LOG_LEVEL: "info" };
  for (const [seedDemo, meetings] of [
    ["", 0],
    ["true", 7],
  ] as const) {
    const server = spawnServer({ ...env, SEED_DEMO: seedDemo });
    try {
      await server.waitForLog((line) => line.msg === "Chancery is serving");
      assert.equal(await meetingCount(), meetings, `SEED_DEMO=${JSON.stringify(seedDemo)}`);
    } finally {
      server.child.kill("SIGTERM");
      assert.equal((await server.exited).code, 0);
    }
  }
});

/** `node dist/src/cli/start.js` in `cwd`, with `env` on top of the tests' environment. */
function startIn(cwd: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [START_SCRIPT], { cwd, env: cleanEnv(env) }, (error, _stdout, stderr) =>
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr }),
    );
  });
}

test(".env in the working directory is read at start; a variable set in the environment wins over it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "chancery-env-"));
  try {
    await writeFile(path.join(dir, ".env"), "# local settings\nPORT=from-dotenv\nLOG_LEVEL=warn\n");
    const fromFile = await startIn(dir, {});
    assert.equal(fromFile.code, 1);
    assert.match(fromFile.stderr, /PORT="from-dotenv"/);
    const fromEnvironment = await startIn(dir, { PORT: "from-environment" });
    assert.equal(fromEnvironment.code, 1);
    assert.match(fromEnvironment.stderr, /PORT="from-environment"/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function getOnce(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      resolve(response);
    }).on("error", reject);
  });
}

test("HOST binds one address, and keep-alive responses advertise the 65 s idle timeout", async () => {
  const server = await startLoggedServer(db.dataSource, { HOST: "127.0.0.1" });
  try {
    const { port } = server.server;
    assert.equal(server.server.url, `http://127.0.0.1:${port}/graphql`);
    const response = await getOnce(`http://127.0.0.1:${port}/healthz`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["keep-alive"], "timeout=65");
    // Not on the IPv6 loopback (refused, or unreachable where the machine has no IPv6).
    await assert.rejects(getOnce(`http://[::1]:${port}/healthz`), (error: NodeJS.ErrnoException) =>
      ["ECONNREFUSED", "EADDRNOTAVAIL", "ENETUNREACH"].includes(error.code ?? ""),
    );
  } finally {
    await server.close();
  }
});

test("KEEP_ALIVE_TIMEOUT_MS sets the advertised idle timeout", async () => {
  const server = await startLoggedServer(db.dataSource, { KEEP_ALIVE_TIMEOUT_MS: "120000" });
  try {
    const response = await getOnce(`${server.origin}/healthz`);
    assert.equal(response.headers["keep-alive"], "timeout=120");
  } finally {
    await server.close();
  }
});
