import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { auditServer } from "graphql-http";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test("graphql-http's audit of /graphql finds no failing MUST item", async () => {
  const results = await auditServer({ url: server.url, fetchFn: fetch });
  const failingMusts = results.flatMap((result) =>
    result.status === "error" ? [`${result.id} ${result.name}: ${result.reason}`] : [],
  );
  assert.deepEqual(failingMusts, []);
  assert.ok(results.filter((result) => result.name.startsWith("MUST") && result.status === "ok").length > 10);
});
