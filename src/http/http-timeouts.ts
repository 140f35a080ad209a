import type { Server } from "node:http";

/**
 * Keep-alive and headers timeouts above a load balancer's idle timeout (KEEP_ALIVE_TIMEOUT_MS,
 * HEADERS_TIMEOUT_MS): a balancer that reuses a connection the server closed a moment before answers 502.
 */
export function applyHttpTimeouts(server: Server, timeouts: { keepAliveTimeoutMs: number; headersTimeoutMs: number }): void {
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.headersTimeout = timeouts.headersTimeoutMs;
}
