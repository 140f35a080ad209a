import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type LoggedServer, startLoggedServer } from "./server-harness";

let db: TestDatabase;
let server: LoggedServer;

before(async () => {
  db = await createTestDatabase();
  server = await startLoggedServer(db.dataSource);
});
after(async () => {
  await server?.close();
  await db?.drop();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${server.origin}/metrics`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/plain/);
  return response.text();
}

/** The value of one sample line, e.g. `chancery_graphql_requests_total{operation="X",outcome="success"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test("/metrics exposes request, latency, error, pool and process families in Prometheus text format", async () => {
  const text = await scrape();
  for (const family of [
    "chancery_graphql_requests_total counter",
    "chancery_graphql_request_duration_seconds histogram",
    "chancery_graphql_errors_total counter",
    "chancery_http_responses_total counter",
    "chancery_db_pool_connections_total gauge",
    "chancery_db_pool_connections_idle gauge",
    "chancery_db_pool_waiting_requests gauge",
    "chancery_db_pool_max_connections gauge",
    "chancery_process_cpu_seconds_total counter",
    "chancery_nodejs_heap_size_used_bytes gauge",
  ]) {
    assert.ok(text.includes(`# TYPE ${family}`), `missing family: ${family}`);
  }
  assert.equal(sample(text, "chancery_db_pool_max_connections"), 5);
});

test("requests are counted by operation name and outcome, timed by operation, and errors counted by code", async () => {
  for (let i = 0; i < 3; i += 1) await (await server.post({ query: "query MetricsProbe { apiVersion }" })).json();
  await (await server.post({ query: "query MetricsBroken { noSuchField }" })).json();
  const text = await scrape();
  assert.equal(sample(text, 'chancery_graphql_requests_total{operation="MetricsProbe",outcome="success"}'), 3);
  assert.equal(sample(text, 'chancery_graphql_requests_total{operation="MetricsBroken",outcome="error"}'), 1);
  assert.equal(sample(text, 'chancery_graphql_request_duration_seconds_count{operation="MetricsProbe"}'), 3);
  assert.ok((sample(text, 'chancery_graphql_errors_total{code="BAD_USER_INPUT"}') ?? 0) >= 1);
});

test("operation names from clients cannot grow the label set without bound", async () => {
  const names = Array.from({ length: 230 }, (_, index) => `Flood${index}`);
  await Promise.all(names.map(async (name) => (await server.post({ query: `query ${name} { apiVersion }` })).json()));
  const text = await scrape();
  const operations = new Set(
    text
      .split("\n")
      .filter((line) => line.startsWith("chancery_graphql_requests_total{"))
      .map((line) => /operation="([^"]*)"/.exec(line)?.[1]),
  );
  assert.ok(operations.size <= 202, `${operations.size} operation labels`);
  assert.ok(operations.has("other"));
});

test("HTTP responses are counted by route and status, also those refused before GraphQL runs", async () => {
  const malformed = await fetch(`${server.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  assert.equal(malformed.status, 400);
  await malformed.text();
  await (await fetch(`${server.origin}/no-such-page-${Date.now()}`)).text();
  const text = await scrape();
  assert.ok((sample(text, 'chancery_http_responses_total{route="/graphql",status="400"}') ?? 0) >= 1);
  assert.ok((sample(text, 'chancery_http_responses_total{route="other",status="404"}') ?? 0) >= 1);
});
