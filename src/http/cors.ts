import type { NextFunction, Request, Response } from "express";

// What a browser app calling with a bearer key sends: JSON, the key, our request id, a consistency token,
// and the headers Apollo's CSRF prevention accepts as proof of a preflighted request.
const ALLOWED_HEADERS =
  "content-type, authorization, x-request-id, x-chancery-consistency, apollo-require-preflight, x-apollo-operation-name";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/**
 * CORS for `CORS_ORIGINS` (`*` by default). Never with credentials: browsers send no cookies, and
 * callers authenticate with `Authorization: Bearer`, so any allowed origin cannot ride a user's session.
 */
export function corsMiddleware(allowedOrigins: string[]) {
  const anyOrigin = allowedOrigins.includes("*");
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin && (anyOrigin || allowed.has(origin))) {
      res.setHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
      res.setHeader("Access-Control-Expose-Headers", "x-request-id, retry-after, x-chancery-consistency");
    }
    if (!anyOrigin) res.append("Vary", "Origin");
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (!preflight) {
      next();
      return;
    }
    if (origin && (anyOrigin || allowed.has(origin))) {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
    }
    res.status(204).end();
  };
}
