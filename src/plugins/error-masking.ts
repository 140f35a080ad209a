import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { classifyDatabaseError, type DatabaseFailure } from "../db/database-errors";
import { ErrorCode } from "../errors";
import { errorScope } from "../http/request-scope";
import type { Logger } from "../logger";

/**
 * Apollo's `formatError`: what a client may see of an error. Errors carrying a contract code pass
 * through; database failures become a clear coded error; everything else is masked as
 * INTERNAL_SERVER_ERROR with the request id, and the original (stack, SQL) goes to the log only.
 */
export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface ErrorMaskingSettings {
  log: Logger;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  connectionTimeoutMs: number;
}

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

// Request errors raised by Apollo, graphql-js and type-graphql under their own codes, renamed to the
// contract's; the original code stays in `extensions.reason` for those who know Apollo's.
const FOREIGN_CLIENT_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  INTROSPECTION_DISABLED: ErrorCode.BAD_USER_INPUT,
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: ErrorCode.QUERY_TOO_COMPLEX,
  UNAUTHORIZED: ErrorCode.FORBIDDEN,
};

function withoutStacktrace(extensions: GraphQLFormattedError["extensions"]): Record<string, unknown> {
  const { stacktrace: _stacktrace, exception: _exception, ...rest } = extensions ?? {};
  return rest;
}

function databaseError(
  failure: DatabaseFailure,
  formatted: GraphQLFormattedError,
  requestId: string,
  settings: ErrorMaskingSettings,
): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  switch (failure) {
    case "STATEMENT_TIMEOUT":
      return {
        ...base,
        message: `The query ran longer than the statement timeout of ${settings.statementTimeoutMs} ms; ask for less (smaller pages, fewer nested lists)`,
        extensions: {
          code: ErrorCode.QUERY_TOO_COMPLEX,
          limit: "statementTimeoutMs",
          max: settings.statementTimeoutMs,
          requestId,
        },
      };
    case "LOCK_TIMEOUT":
      return {
        ...base,
        message: `Another change held the record for longer than the lock timeout of ${settings.lockTimeoutMs} ms; retry`,
        extensions: { code: ErrorCode.CONFLICT, reason: "LOCK_TIMEOUT", retryable: true, requestId },
      };
    case "POOL_EXHAUSTED":
      return {
        ...base,
        message: `The server is busy: no database connection became free within ${settings.connectionTimeoutMs} ms; retry shortly (request id ${requestId})`,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, reason: "DATABASE_BUSY", retryable: true, requestId },
      };
    case "UNAVAILABLE":
      return {
        ...base,
        message: `The database is unavailable; retry shortly (request id ${requestId})`,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, reason: "DATABASE_UNAVAILABLE", retryable: true, requestId },
      };
  }
}

/**
 * An error a client may see as it is: one with a contract code, or a request error of Apollo's or
 * graphql-js's under the contract's code; without a stack either way. Undefined for anything else.
 * Shared with the gateway (src/gateway/gateway-errors.ts).
 */
export function clientFacingError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const code = String(formatted.extensions?.code ?? "");
  if (CONTRACT_CODES.has(code)) return { ...formatted, extensions: withoutStacktrace(formatted.extensions) };
  const renamed = FOREIGN_CLIENT_CODES[code];
  if (renamed) return { ...formatted, extensions: { ...withoutStacktrace(formatted.extensions), code: renamed, reason: code } };
  return undefined;
}

export function createErrorFormatter(settings: ErrorMaskingSettings): ErrorFormatter {
  return (formatted, error) => {
    const clientFacing = clientFacingError(formatted);
    if (clientFacing) return clientFacing;

    const scope = errorScope(error);
    const requestId = scope?.requestId ?? randomUUID();
    const log = scope?.log ?? settings.log.child({ requestId });
    const failure = classifyDatabaseError(error);
    if (failure) {
      log.warn({ err: error, failure }, "database failure answered with a coded error");
      return databaseError(failure, formatted, requestId, settings);
    }
    log.error({ err: error }, "internal error masked");
    return {
      message: `Internal server error (request id ${requestId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}
