import type { NextFunction, Request, Response } from "express";
import { ErrorCode } from "../errors";

interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  limit?: unknown;
  length?: unknown;
}

function clientStatusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, statusCode } = error as HttpErrorLike;
  const value = typeof status === "number" ? status : statusCode;
  return typeof value === "number" && value >= 400 && value < 500 ? value : undefined;
}

// body-parser's error types, named for the client without echoing its internal message.
const CLIENT_MESSAGES: Record<string, string> = {
  "entity.parse.failed": "The request body is not valid JSON",
  "entity.too.large": "The request body is too large",
  "encoding.unsupported": "The request body's charset is not supported",
  "charset.unsupported": "The request body's charset is not supported",
  "request.aborted": "The request was aborted",
};

function clientRefusal(status: number, reason: string, limit: unknown, length: unknown, requestId: string) {
  if (status === 413 && typeof limit === "number") {
    return {
      message: `The request body is larger than the limit of ${limit} bytes`,
      extensions: {
        code: ErrorCode.QUERY_TOO_COMPLEX,
        limit: "maxBodyBytes",
        // The declared length; null for a chunked body, which is cut off once past the limit.
        value: typeof length === "number" ? length : null,
        max: limit,
        requestId,
      },
    };
  }
  const message = CLIENT_MESSAGES[reason] ?? "The request could not be read";
  return { message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason, requestId } };
}

/**
 * The last express middleware: errors outside GraphQL execution (malformed JSON, a body too large)
 * answered as a GraphQL-shaped JSON error with a contract code; never express's HTML page with a stack.
 */
export function httpErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = clientStatusOf(error);
  if (status !== undefined) {
    const { type, limit, length } = error as HttpErrorLike;
    const reason = String(type ?? "");
    req.log.info({ status, reason }, "request refused");
    res.status(status).json({ errors: [clientRefusal(status, reason, limit, length, String(req.id))] });
    return;
  }
  req.log.error({ err: error }, "internal error masked");
  res.status(500).json({
    errors: [
      {
        message: `Internal server error (request id ${req.id})`,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: String(req.id) },
      },
    ],
  });
}
