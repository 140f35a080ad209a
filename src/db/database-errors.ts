/**
 * Recognises the database failures a client should hear about plainly instead of a masked
 * internal error: the database being unreachable, the pool being exhausted, a statement or lock
 * timeout. Errors arrive wrapped (GraphQLError → TypeORM QueryFailedError → pg error), so the
 * whole cause chain is searched.
 */
export type DatabaseFailure = "UNAVAILABLE" | "POOL_EXHAUSTED" | "STATEMENT_TIMEOUT" | "LOCK_TIMEOUT";

// SQLSTATEs: https://www.postgresql.org/docs/current/errcodes-appendix.html
const STATEMENT_TIMEOUT = "57014"; // query_canceled (statement_timeout)
const LOCK_TIMEOUT = "55P03"; // lock_not_available (lock_timeout)
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "3D000", "28000", "28P01"]);
const CONNECTION_EXCEPTION_CLASS = "08";
const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
]);

// pg and pg-pool report lost connections and pool waits with messages only.
const POOL_WAIT_MESSAGE = /timeout exceeded when trying to connect/i;
const LOST_CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

function causesOf(error: ErrorLike): unknown[] {
  const nested = [error.originalError, error.driverError, error.cause];
  if (Array.isArray(error.errors)) nested.push(...error.errors);
  return nested.filter((cause) => cause !== undefined && cause !== null && cause !== error);
}

function classifyOne(error: ErrorLike): DatabaseFailure | undefined {
  const code = typeof error.code === "string" ? error.code : "";
  const message = typeof error.message === "string" ? error.message : "";
  if (code === STATEMENT_TIMEOUT) return "STATEMENT_TIMEOUT";
  if (code === LOCK_TIMEOUT) return "LOCK_TIMEOUT";
  if (POOL_WAIT_MESSAGE.test(message)) return "POOL_EXHAUSTED";
  if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS) || NETWORK_ERROR_CODES.has(code)) {
    return "UNAVAILABLE";
  }
  if (LOST_CONNECTION_MESSAGES.test(message)) return "UNAVAILABLE";
  return undefined;
}

/** The kind of database failure behind `error`, or undefined when it is something else. */
export function classifyDatabaseError(error: unknown, depth = 0): DatabaseFailure | undefined {
  if (typeof error !== "object" || error === null || depth > 8) return undefined;
  const errorLike = error as ErrorLike;
  const own = classifyOne(errorLike);
  if (own) return own;
  for (const cause of causesOf(errorLike)) {
    const found = classifyDatabaseError(cause, depth + 1);
    if (found) return found;
  }
  return undefined;
}
