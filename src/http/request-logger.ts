import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import type { Logger } from "../logger";
import { assignRequestId } from "./request-id";

// Probes are polled every few seconds by orchestrators; logging each one would drown the useful lines.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** pino's serialized request; `raw` is express's request by the time the line is written, so it has `ip`. */
type SerializedRequest = { remoteAddress?: string; raw: IncomingMessage & { ip?: string } };

function withClientAddress(req: SerializedRequest): SerializedRequest {
  if (req.raw.ip !== undefined) req.remoteAddress = req.raw.ip;
  return req;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * `req.id` and `req.log`: a child logger bound to `requestId`, so every line written on behalf of a request
 * carries the same id; and, when info lines are on, one JSON line per request ("request completed" with status
 * and duration). With them off (LOG_LEVEL=warn and above) pino-http would write nothing, yet still serialize
 * every request for a child logger it binds it to: 0.14 ms of Node CPU per request (bench/NOTES.md).
 */
export function createRequestLogger(log: Logger): Middleware {
  if (!log.isLevelEnabled("info")) return identifyRequests(log);
  return pinoHttp({
    logger: log,
    genReqId: assignRequestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    // API keys and cookies never reach the log.
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-api-key"]'], censor: "[redacted]" },
    // The client's address as rate limits see it: express's req.ip, which honours TRUST_PROXY.
    serializers: { req: withClientAddress },
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? "").split("?")[0]) },
  });
}

/** What pino-http gives each request besides its log line: the id, echoed in `x-request-id`, and `req.log`. */
function identifyRequests(log: Logger): Middleware {
  return (req, res, next) => {
    req.id = assignRequestId(req, res);
    req.log = log.child({ requestId: req.id });
    next();
  };
}
