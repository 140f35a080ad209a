import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";

const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections and waits for in-flight requests to finish. Keep-alive sockets are
 * closed as soon as they fall idle; whatever is still running after `graceMs` is cut off.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<{ forced: boolean }> {
  let forced = false;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const deadline = setTimeout(() => {
    forced = true;
    server.closeAllConnections();
  }, graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(deadline);
  }
  return { forced };
}

/** While draining, responses tell keep-alive clients to reconnect (to another instance) instead of reusing the socket. */
export function closeConnectionsWhileDraining(isDraining: () => boolean) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    if (isDraining()) res.setHeader("connection", "close");
    next();
  };
}
