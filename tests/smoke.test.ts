import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "./support/server";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test("the GraphQL endpoint answers a query over real HTTP", async () => {
  const { status, body } = await server.graphql("{ apiVersion }");
  assert.equal(status, 200);
  assert.deepEqual(body.data, { apiVersion: "1" });
  assert.equal(body.errors, undefined);
});
