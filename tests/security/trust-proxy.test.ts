import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type LoggedServer, type LogLine, startLoggedServer } from "../server/server-harness";
import { createTestDatabase, type TestDatabase } from "../support/database";

const LIMITED = { RATE_LIMIT_REQUESTS: "2", RATE_LIMIT_WINDOW_SECONDS: "600" };

/** The status of one request per X-Forwarded-For value, sent in turn. */
async function statusesFor(server: LoggedServer, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const header of forwardedFor) {
    const response = await server.post({ query: "{ apiVersion }" }, { "x-forwarded-for": header });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

/** The client address on the "request completed" line of each /graphql request, in order. */
function loggedAddresses(logs: LogLine[]): unknown[] {
  return logs
    .filter((line) => line.msg === "request completed")
    .map((line) => (line.req as { remoteAddress?: string } | undefined)?.remoteAddress);
}

describe("TRUST_PROXY: the client address of rate limits and logs", () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  test("unset: a client cannot choose its rate-limit bucket with X-Forwarded-For", async () => {
    const server = await startLoggedServer(db.dataSource, LIMITED);
    try {
      assert.deepEqual(
        await statusesFor(server, ["203.0.113.1", "203.0.113.2", "203.0.113.3", "198.51.100.7, 203.0.113.4"]),
        [200, 200, 429, 429],
      );
      const addresses = loggedAddresses(server.logs);
      assert.equal(addresses.length, 4);
      for (const address of addresses) assert.match(String(address), /^(::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
    } finally {
      await server.close();
    }
  });

  test("loopback trusted: each forwarded address has its own bucket and is the one logged", async () => {
    const server = await startLoggedServer(db.dataSource, { ...LIMITED, TRUST_PROXY: "loopback" });
    try {
      assert.deepEqual(
        await statusesFor(server, ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"]),
        [200, 200, 429, 200],
      );
      assert.deepEqual(loggedAddresses(server.logs), ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"]);
    } finally {
      await server.close();
    }
  });

  test("one hop trusted: the address the proxy appended counts, not what the client put before it", async () => {
    const server = await startLoggedServer(db.dataSource, { ...LIMITED, TRUST_PROXY: "1" });
    try {
      assert.deepEqual(
        await statusesFor(server, ["10.9.9.1, 203.0.113.5", "10.9.9.2, 203.0.113.5", "10.9.9.3, 203.0.113.5"]),
        [200, 200, 429],
      );
      assert.deepEqual(loggedAddresses(server.logs), ["203.0.113.5", "203.0.113.5", "203.0.113.5"]);
    } finally {
      await server.close();
    }
  });
});
