import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../src/db/embedded-postgres";
import { applyMigrations } from "../../src/db/migrations";
import { type LoggedServer, startLoggedServer } from "./server-harness";

/**
 * Stops the embedded PostgreSQL under a running server, then starts it again on the same port: the
 * server says 503 and fails queries with a coded error meanwhile, and serves again without a restart.
 */
let directory: string;
let postgres: EmbeddedDatabase | undefined;
let dataSource: DataSource;
let server: LoggedServer;

before(async () => {
  directory = mkdtempSync(path.join(tmpdir(), "chancery-fault-"));
  chmodSync(directory, 0o755); // the embedded server runs as the postgres user when we are root
  postgres = await startEmbeddedPostgres(path.join(directory, "pg"));
  dataSource = createDataSource({ url: postgres.url, connectionTimeoutMs: 1000 });
  await dataSource.initialize();
  await applyMigrations(dataSource);
  await dataSource.query(`INSERT INTO "state" ("code", "name") VALUES ('FR', '{"en": "France"}')`);
  server = await startLoggedServer(dataSource, { DB_CONNECTION_TIMEOUT_MS: "1000" });
});
after(async () => {
  await server?.close();
  if (dataSource?.isInitialized) await dataSource.destroy();
  await postgres?.stop();
  rmSync(directory, { recursive: true, force: true });
});

async function readiness(): Promise<{ status: number; body: { status: string; reason?: string } }> {
  const response = await fetch(`${server.origin}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

async function readFrance(): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await server.post({ query: '{ state(code: "FR") { code } }' });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

test("the database stops and comes back: 503 and coded errors meanwhile, serving again with no restart", async () => {
  assert.equal((await readiness()).status, 200);
  assert.deepEqual((await readFrance()).data, { state: { code: "FR" } });

  const port = postgres!.port;
  await postgres!.stop();
  postgres = undefined;

  const down = await readiness();
  assert.equal(down.status, 503);
  assert.match(down.body.reason ?? "", /database unavailable/);
  const failed = await readFrance();
  assert.equal(failed.errors?.[0]?.extensions?.code, "SERVICE_UNAVAILABLE");
  assert.equal(failed.errors?.[0]?.extensions?.reason, "DATABASE_UNAVAILABLE");
  assert.doesNotMatch(JSON.stringify(failed), /ECONNREFUSED|127\.0\.0\.1|stack/);
  const withKey = await server.post({ query: "{ apiVersion }" }, { authorization: `Bearer chy_${"k".repeat(43)}` });
  assert.equal(withKey.status, 503, "a database fault while checking the key is retryable");
  const keyAnswer = (await withKey.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  assert.equal(keyAnswer.errors?.[0]?.extensions?.code, "SERVICE_UNAVAILABLE", JSON.stringify(keyAnswer));

  postgres = await startEmbeddedPostgres(path.join(directory, "pg"), { port });
  assert.equal((await readiness()).status, 200);
  assert.deepEqual(await readFrance().then((answer) => answer.data), { state: { code: "FR" } });
});
