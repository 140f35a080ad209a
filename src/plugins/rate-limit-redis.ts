import { Redis } from "ioredis";
import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "../logger";

const CONNECT_TIMEOUT_MS = 1000;

/** Where a shared rate limit counts: REDIS_URL and the prefix of its keys. */
export interface RateLimitRedis {
  url: string;
  keyPrefix: string;
}

/**
 * Warns once per outage, not once per request: on the client's first error, or the first request
 * counted in memory because Redis did not answer; "ready" ends the outage.
 */
class RedisOutageLog {
  private down = false;

  constructor(private readonly log: Logger) {}

  fellBack(reason: string): void {
    if (this.down) return;
    this.down = true;
    this.log.warn({ reason }, "Redis unreachable: rate limits counted in this instance's memory until it answers again");
  }

  ready(): void {
    if (this.down) this.log.info("Redis answers again: rate limits shared across instances");
    this.down = false;
  }
}

/** The memory limiter that counts while Redis cannot, saying so once per outage. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: IRateLimiterOptions,
    private readonly outage: RedisOutageLog,
  ) {
    super(options);
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    this.outage.fellBack("a rate-limit count in Redis failed or timed out");
    return super.consume(key, points, options);
  }
}

function connect(url: string, outage: RedisOutageLog): Redis {
  const client = new Redis(url, {
    // A request never waits for a dead Redis: with no offline queue and no per-command retry, a
    // command fails at once while disconnected, and the insurance limiter counts it instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // A Redis that accepts but hangs costs a request at most this much.
    commandTimeout: 500,
    // Reconnects in the background for ever, at most every 2 s.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  });
  client.on("error", (error: Error) => outage.fellBack(error.message));
  client.on("ready", () => outage.ready());
  return client;
}

/** Resolves once the first connection is ready or has failed, so the first requests count in Redis if it is there. */
function firstConnection(client: Redis): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CONNECT_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", done);
    client.once("error", done);
  });
}

/**
 * A limiter counting in Redis, shared by every instance using the same REDIS_URL and key prefix.
 * While Redis is unreachable each instance counts in its own memory, so requests are never
 * refused or delayed because of Redis (the limit is then per instance, as without REDIS_URL).
 */
export function redisRateLimiter(
  options: IRateLimiterOptions,
  redis: RateLimitRedis,
  log: Logger,
): { limiter: RateLimiterRedis; settled: Promise<void>; close(): void } {
  const outage = new RedisOutageLog(log);
  const client = connect(redis.url, outage);
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: client,
    keyPrefix: redis.keyPrefix,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new InsuranceLimiter(options, outage),
  });
  return { limiter, settled: firstConnection(client), close: () => client.disconnect() };
}
