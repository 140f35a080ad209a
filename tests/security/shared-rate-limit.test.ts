import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type LoggedServer, type LogLine, startLoggedServer } from "../server/server-harness";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { closedPort, keysUnder, redisAnswers, startOwnRedis, TEST_REDIS_URL, uniqueKeyPrefix } from "../support/redis";

const WARN = 40;
const NO_REDIS = `no Redis answers at ${TEST_REDIS_URL} (set CHANCERY_TEST_REDIS_URL): the shared-limit test needs one`;

async function statusOf(server: LoggedServer): Promise<number> {
  const response = await server.post({ query: "{ apiVersion }" });
  await response.arrayBuffer();
  return response.status;
}

/** Statuses of `count` requests, alternating between the servers. */
async function alternate(servers: LoggedServer[], count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let request = 0; request < count; request += 1) statuses.push(await statusOf(servers[request % servers.length]));
  return statuses;
}

const redisWarnings = (logs: LogLine[]) =>
  logs.filter((line) => line.level === WARN && /^Redis unreachable/.test(line.msg ?? ""));

describe("REDIS_URL: one rate limit across instances", () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  test("two instances sharing Redis with a limit of 4 admit 4 requests in total, not 8", async (t) => {
    if (!(await redisAnswers())) return t.skip(NO_REDIS);
    const keyPrefix = uniqueKeyPrefix();
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      RATE_LIMIT_REQUESTS: "4",
      RATE_LIMIT_WINDOW_SECONDS: "600",
    };
    const servers = [await startLoggedServer(db.dataSource, env), await startLoggedServer(db.dataSource, env)];
    try {
      const statuses = await alternate(servers, 10);
      assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429, 429, 429, 429, 429]);
      const counted = await keysUnder(keyPrefix);
      assert.deepEqual(Object.values(counted), ["10"], "one key, every request of both instances counted in it");
      assert.deepEqual(
        servers.flatMap((server) => redisWarnings(server.logs)),
        [],
      );
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await keysUnder(keyPrefix, { remove: true });
    }
  });

  test("Redis unreachable from the start: requests are served, limited per instance in memory, one warning", async () => {
    const server = await startLoggedServer(db.dataSource, {
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      RATE_LIMIT_REQUESTS: "3",
      RATE_LIMIT_WINDOW_SECONDS: "600",
    });
    try {
      assert.deepEqual(await alternate([server], 5), [200, 200, 200, 429, 429]);
      assert.equal(redisWarnings(server.logs).length, 1, JSON.stringify(redisWarnings(server.logs)));
    } finally {
      await server.close();
    }
  });

  test("Redis stopped mid-run: the next requests are still served, counted in memory, one warning", async (t) => {
    let redis: Awaited<ReturnType<typeof startOwnRedis>>;
    try {
      redis = await startOwnRedis();
    } catch (error) {
      return t.skip(`cannot start a redis-server of the test's own: ${(error as Error).message}`);
    }
    const keyPrefix = uniqueKeyPrefix();
    const server = await startLoggedServer(db.dataSource, {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: keyPrefix,
      RATE_LIMIT_REQUESTS: "3",
      RATE_LIMIT_WINDOW_SECONDS: "600",
    });
    try {
      assert.deepEqual(await alternate([server], 2), [200, 200]);
      assert.deepEqual(Object.values(await keysUnder(keyPrefix, { url: redis.url })), ["2"], "counted in Redis while it ran");
      await redis.stop();
      // The memory count starts afresh: 3 more, then refused (never a 5xx, never a refusal because of Redis).
      assert.deepEqual(await alternate([server], 5), [200, 200, 200, 429, 429]);
      assert.equal(redisWarnings(server.logs).length, 1, JSON.stringify(redisWarnings(server.logs)));
    } finally {
      await server.close();
      await redis.stop();
    }
  });
});
