import { HeaderMap } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Viewer } from "../auth/viewer";
import { clientError, ErrorCode } from "../errors";

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
 * Requests per key or address in fixed windows, counted in this process's memory
 * (rate-limiter-flexible). `requests` 0 turns the limit off.
 */
export class RequestRateLimiter {
  private readonly limiter: RateLimiterMemory | null;

  constructor(
    private readonly requests: number,
    private readonly windowSeconds: number,
  ) {
    this.limiter = requests > 0 ? new RateLimiterMemory({ points: requests, duration: windowSeconds }) : null;
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
}
