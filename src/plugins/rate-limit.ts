import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { clientError, ErrorCode } from "../errors";
import type { Logger } from "../logger";
import { type RateLimitRedis, redisRateLimiter } from "./rate-limit-redis";

/** RATE_LIMITED with the retry hint twice: `extensions.retryAfterSeconds` and the HTTP `Retry-After` header (status 429). */
export function rateLimited(retryAfterSeconds: number, limit: number, windowSeconds: number): GraphQLError {
  return clientError(
    ErrorCode.RATE_LIMITED,
    `Too many requests: the limit is ${limit} per ${windowSeconds} s for each API key or client address. Retry in ${retryAfterSeconds} s.`,
    {
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
    },
  );
}

/** Whose allowance a request spends: its API key's, else its client address's. */
export function rateLimitKey(viewer: Viewer, clientAddress: string | undefined): string {
  return viewer.apiKeyId !== null ? `key:${viewer.apiKeyId}` : `address:${clientAddress ?? "unknown"}`;
}

/**
 * Requests per key or address in fixed windows (rate-limiter-flexible), counted in Redis when
 * `redis` is given (shared by every instance), else in this process's memory. `requests` 0 turns the limit off.
 */
export class RequestRateLimiter {
  private readonly limiter: RateLimiterAbstract | null = null;
  private readonly closeStore: () => void = () => undefined;
  /** Resolves once a Redis store's first connection attempt has settled (at once without Redis). */
  readonly settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly requests: number,
    private readonly windowSeconds: number,
    redis: { store: RateLimitRedis; log: Logger } | null = null,
  ) {
    if (requests <= 0) return;
    const options = { points: requests, duration: windowSeconds };
    if (redis) {
      const shared = redisRateLimiter(options, redis.store, redis.log);
      this.limiter = shared.limiter;
      this.closeStore = shared.close;
      this.settled = shared.settled;
    } else {
      this.limiter = new RateLimiterMemory(options);
    }
  }

  /** Spends one request of `key`'s allowance, or throws RATE_LIMITED saying when to retry. */
  async consume(key: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw rateLimited(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)), this.requests, this.windowSeconds);
    }
  }

  /** Closes the Redis connection, if any (at shutdown, once requests have drained). */
  close(): void {
    this.closeStore();
  }
}

/** The server's limiter from RATE_LIMIT_*, REDIS_URL and REDIS_KEY_PREFIX, its Redis connected (or known down). */
export async function createRequestRateLimiter(config: Config, log: Logger): Promise<RequestRateLimiter> {
  const { rateLimitRequests, rateLimitWindowSeconds } = config.limits;
  const redis = config.redisUrl ? { store: { url: config.redisUrl, keyPrefix: config.redisKeyPrefix }, log } : null;
  const limiter = new RequestRateLimiter(rateLimitRequests, rateLimitWindowSeconds, redis);
  await limiter.settled;
  return limiter;
}

/** Closes the limiter's Redis connection when Apollo stops (after the HTTP drain in `ChanceryServer.close`, or a CLI run). */
export function closeRateLimiterOnStop<Context extends object>(limiter: RequestRateLimiter): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          limiter.close();
        },
      };
    },
  };
}
