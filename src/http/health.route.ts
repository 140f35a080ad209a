import { Router } from "express";
import type { Readiness } from "../db/readiness";

/**
 * `GET /healthz`: 200 while the process is up (liveness).
 * `GET /readyz`: 200 only when the database answers and migrations are applied, else 503 with the reason;
 * with read replicas, each one's state and lag as well (a replica down never makes the server unready).
 */
export function healthRoutes(checkReadiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("cache-control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness();
    res.set("cache-control", "no-store");
    const replicas = readiness.replicas ? { replicas: readiness.replicas } : {};
    if (readiness.ready) res.json({ status: "ready", ...replicas });
    else res.status(503).json({ status: "unavailable", reason: readiness.reason, ...replicas });
  });
  return router;
}
