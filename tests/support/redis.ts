import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";

/** The Redis the shared-limit tests use: CHANCERY_TEST_REDIS_URL, else the machine's (as in CI). */
export const TEST_REDIS_URL = process.env.CHANCERY_TEST_REDIS_URL || "redis://127.0.0.1:6379";

function quickClient(url: string): Redis {
  return new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
}

/** Whether a Redis answers PING at `url` (tests that need one skip, saying so, when none does). */
export async function redisAnswers(url: string = TEST_REDIS_URL): Promise<boolean> {
  const client = quickClient(url);
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A key prefix no other test run shares, so runs in parallel on one Redis never count each other's requests. */
export function uniqueKeyPrefix(): string {
  return `chancery:test:${randomBytes(6).toString("hex")}:rl`;
}

/** The keys under `prefix` with their values; deletes them when `remove` is set (never anything else). */
export async function keysUnder(
  prefix: string,
  options: { url?: string; remove?: boolean } = {},
): Promise<Record<string, string | null>> {
  const client = quickClient(options.url ?? TEST_REDIS_URL);
  await client.connect();
  try {
    const keys: string[] = [];
    // SCAN, not KEYS: the Redis may be shared and large.
    for await (const batch of client.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
    const values = keys.length > 0 ? await client.mget(...keys) : [];
    if (options.remove && keys.length > 0) await client.del(...keys);
    return Object.fromEntries(keys.map((key, index) => [key, values[index]]));
  } finally {
    client.disconnect();
  }
}

/** A port nothing listens on (taken from the OS, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

/** A throw-away `redis-server` of the test's own (no persistence), to stop in the middle of a test. */
export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await closedPort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const spawnFailed = new Promise<never>((_, reject) => child.once("error", reject));
  for (let attempt = 0; attempt < 100 && !(await Promise.race([redisAnswers(url), spawnFailed])); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
