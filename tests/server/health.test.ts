import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { loadConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import { createLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type LoggedServer, startLoggedServer } from "./server-harness";

let migrated: TestDatabase;
let bare: TestDatabase;
let ready: LoggedServer;
let pending: LoggedServer;

before(async () => {
  migrated = await createTestDatabase();
  bare = await createTestDatabase({ migrated: false });
  ready = await startLoggedServer(migrated.dataSource);
  pending = await startLoggedServer(bare.dataSource);
});

after(async () => {
  await ready?.close();
  await pending?.close();
  await migrated?.drop();
  await bare?.drop();
});

test("/healthz answers 200 while the process is up, even when migrations are pending", async () => {
  for (const server of [ready, pending]) {
    const response = await fetch(`${server.origin}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ok" });
  }
});

test("/readyz answers 200 when the database answers and every migration is applied", async () => {
  const response = await fetch(`${ready.origin}/readyz`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: "ready" });
});

test("/readyz answers 503 with the reason while migrations are pending, and creates nothing", async () => {
  const response = await fetch(`${pending.origin}/readyz`);
  assert.equal(response.status, 503);
  const body = (await response.json()) as { status: string; reason: string };
  assert.equal(body.status, "unavailable");
  assert.match(body.reason, /migrations pending/);
  const tables: unknown[] = await bare.dataSource.query(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'migrations'",
  );
  assert.equal(tables.length, 0, "the readiness probe must not create the migrations table");
});

test("a caller's x-request-id is echoed; a missing or unsafe one is replaced by a fresh id", async () => {
  const echoed = await fetch(`${ready.origin}/healthz`, { headers: { "x-request-id": "trace-42.a:b" } });
  assert.equal(echoed.headers.get("x-request-id"), "trace-42.a:b");

  const fresh = await fetch(`${ready.origin}/healthz`);
  assert.match(fresh.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);

  const unsafe = await fetch(`${ready.origin}/healthz`, { headers: { "x-request-id": `a b ${"x".repeat(200)}` } });
  assert.match(unsafe.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
});

test("every log line written for a GraphQL request carries its request id", async () => {
  const response = await ready.post({ query: "query Version { apiVersion }" }, { "x-request-id": "log-check-1" });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("x-request-id"), "log-check-1");
  await response.json();
  const lines = ready.logs.filter((line) => line.requestId === "log-check-1");
  const messages = lines.map((line) => line.msg);
  assert.ok(messages.includes("graphql operation"), `operation line missing: ${JSON.stringify(messages)}`);
  assert.ok(messages.includes("request completed"), `access line missing: ${JSON.stringify(messages)}`);
  const operationLine = lines.find((line) => line.msg === "graphql operation");
  assert.equal(operationLine?.operation, "Version");
});

test("an API key in the Authorization header never reaches the log", async () => {
  const secret = "chy_this-secret-must-not-be-logged";
  const response = await ready.post(
    { query: "{ apiVersion }" },
    { authorization: `Bearer ${secret}`, "x-request-id": "redact-1" },
  );
  await response.text();
  const logged = JSON.stringify(ready.logs.filter((line) => line.requestId === "redact-1"));
  assert.ok(logged.length > 2, "the request was logged");
  assert.ok(!logged.includes(secret));
});

test("CORS: any origin may call with a bearer key (no credentials); a preflight lists what it may send", async () => {
  const preflight = await fetch(`${ready.origin}/graphql`, {
    method: "OPTIONS",
    headers: { origin: "https://analyst.example", "access-control-request-method": "POST" },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
  assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/);
  assert.equal(preflight.headers.get("access-control-allow-credentials"), null);

  const response = await ready.post({ query: "{ apiVersion }" }, { origin: "https://analyst.example" });
  assert.equal(response.headers.get("access-control-allow-origin"), "*");
  assert.match(response.headers.get("access-control-expose-headers") ?? "", /x-request-id/);
  await response.text();
});

test("CORS: with CORS_ORIGINS set, only those origins are allowed", async () => {
  const restricted = await startLoggedServer(migrated.dataSource, { CORS_ORIGINS: "https://ok.example" });
  try {
    const allowed = await restricted.post({ query: "{ apiVersion }" }, { origin: "https://ok.example" });
    assert.equal(allowed.headers.get("access-control-allow-origin"), "https://ok.example");
    await allowed.text();
    const refused = await fetch(`${restricted.origin}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    assert.equal(refused.headers.get("access-control-allow-origin"), null);
  } finally {
    await restricted.close();
  }
});

test("once draining has begun, /readyz answers 503 and responses ask clients to reconnect elsewhere", async () => {
  const config = loadConfig({ ...process.env, PORT: "0" });
  const { app, apollo, beginDrain } = await createApp({ config, dataSource: migrated.dataSource, log: createLogger("silent") });
  const listening = app.listen(0);
  await new Promise((resolve) => listening.once("listening", resolve));
  const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  try {
    assert.equal((await fetch(`${origin}/readyz`)).status, 200);
    beginDrain();
    const draining = await fetch(`${origin}/readyz`);
    assert.equal(draining.status, 503);
    assert.deepEqual(await draining.json(), { status: "unavailable", reason: "shutting down" });
    assert.equal(draining.headers.get("connection"), "close");
  } finally {
    await new Promise((resolve) => listening.close(resolve));
    await apollo.stop();
  }
});
