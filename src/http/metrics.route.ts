import { createHash, timingSafeEqual } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { resolveViewer } from "../auth/resolve-viewer";
import { Role, roleAtLeast } from "../auth/role";
import type { ChanceryMetrics } from "./metrics-registry";

/** Who may scrape: METRICS_TOKEN's holder; without one, ADMIN keys under REQUIRE_AUTH, else anyone. */
export interface MetricsAccess {
  dataSource: DataSource;
  token: string | null;
  requireAuth: boolean;
}

type Refusal = { status: 401 | 403; message: string } | null;

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerOf(req: Request): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? "");
  return match ? match[1] : null;
}

async function refusal(req: Request, access: MetricsAccess): Promise<Refusal> {
  if (access.token !== null) {
    const given = bearerOf(req);
    return given !== null && sameSecret(given, access.token)
      ? null
      : { status: 401, message: "/metrics needs Authorization: Bearer <METRICS_TOKEN>" };
  }
  if (!access.requireAuth) return null;
  const viewer = await resolveViewer(access.dataSource, req.headers.authorization, { requireAuth: true }).catch(
    (error: unknown) => {
      if (error instanceof GraphQLError) return null;
      throw error;
    },
  );
  if (viewer === null)
    return { status: 401, message: "/metrics needs Authorization: Bearer <ADMIN API key> (or set METRICS_TOKEN)" };
  return viewer.role !== null && roleAtLeast(viewer.role, Role.ADMIN)
    ? null
    : { status: 403, message: "/metrics is for ADMIN keys (or the METRICS_TOKEN)" };
}

function refuse(res: Response, { status, message }: NonNullable<Refusal>): void {
  if (status === 401) res.set("www-authenticate", 'Bearer realm="metrics"');
  res.status(status).type("text/plain; charset=utf-8").send(`${message}\n`);
}

/** `GET /metrics`: the Prometheus text exposition of this server's registry, for those `access` admits. */
export function metricsRoute(metrics: ChanceryMetrics, access: MetricsAccess): Router {
  const router = Router();
  router.get("/metrics", async (req, res, next) => {
    try {
      const refused = await refusal(req, access);
      if (refused) {
        refuse(res, refused);
        return;
      }
      const body = await metrics.registry.metrics();
      res.type(metrics.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
