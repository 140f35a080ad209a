import { Router } from "express";
import type { ChanceryMetrics } from "./metrics-registry";

/** `GET /metrics`: the Prometheus text exposition of this server's registry. */
export function metricsRoute(metrics: ChanceryMetrics): Router {
  const router = Router();
  router.get("/metrics", async (_req, res, next) => {
    try {
      const body = await metrics.registry.metrics();
      res.type(metrics.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
