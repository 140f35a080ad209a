import type { NextFunction, Request, Response } from "express";
import type { ChanceryMetrics } from "./metrics-registry";

// Routes by their first path segment; anything else is "other", so scanners cannot grow the label set.
const KNOWN_ROUTES = new Set(["graphql", "saved", "healthz", "readyz", "metrics", "ide"]);

function routeLabel(path: string): string {
  const first = path.split("/")[1] ?? "";
  return KNOWN_ROUTES.has(first) ? `/${first}` : "other";
}

/** Counts every HTTP response by route and status, including those refused before GraphQL (400, 413, 429...). */
export function countHttpResponses(metrics: ChanceryMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const route = routeLabel(req.path);
    res.once("finish", () => metrics.httpResponses.inc({ route, status: String(res.statusCode) }));
    next();
  };
}
