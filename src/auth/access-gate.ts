import type { IncomingHttpHeaders } from "node:http";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { type RequestRateLimiter, rateLimitKey } from "../plugins/rate-limit";
import { checkTokenLimit } from "../plugins/token-limit";
import { resolveViewer } from "./resolve-viewer";
import { ANONYMOUS, type Viewer } from "./viewer";

/** What the gate needs of an HTTP request (an express `req` fits). */
export interface GateRequest {
  headers: IncomingHttpHeaders;
  ip?: string;
}

/**
 * Admits a request or throws: who is asking (UNAUTHENTICATED on a bad key), their rate limit
 * (RATE_LIMITED), then the length in tokens of the GraphQL document it carries, if any
 * (QUERY_TOO_COMPLEX; `requestDocument` in src/plugins/token-limit.ts finds it), before anything is parsed.
 */
export type AccessGate = (req: GateRequest, document?: string | null) => Promise<Viewer>;

/** One gate per server, shared by /graphql's context factory and the /saved routes, so they spend one allowance. */
export function createAccessGate(dataSource: DataSource, config: Config, limiter: RequestRateLimiter): AccessGate {
  const identify = async (req: GateRequest): Promise<Viewer> => {
    try {
      return await resolveViewer(dataSource, req.headers.authorization, { requireAuth: config.requireAuth });
    } catch (refusal) {
      // Failed attempts spend the address's allowance too, so guessing keys is throttled like reading.
      await limiter.consume(rateLimitKey(ANONYMOUS, req.ip));
      throw refusal;
    }
  };
  return async (req, document = null) => {
    const viewer = await identify(req);
    await limiter.consume(rateLimitKey(viewer, req.ip));
    checkTokenLimit(document, config.limits.maxTokens);
    return viewer;
  };
}
