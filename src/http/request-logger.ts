import type { IncomingMessage } from "node:http";
import { pinoHttp } from "pino-http";
import type { Logger } from "../logger";
import { assignRequestId } from "./request-id";

// Probes are polled every few seconds by orchestrators; logging each one would drown the useful lines.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * One JSON line per request ("request completed" with status and duration), and `req.log`: a child
 * logger bound to `requestId`, so every line written on behalf of a request carries the same id.
 */
export function createRequestLogger(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId: assignRequestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    // API keys and cookies never reach the log.
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-api-key"]'], censor: "[redacted]" },
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? "").split("?")[0]) },
  });
}
