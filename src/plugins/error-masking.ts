import { randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
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
  /** Strip "Did you mean …?" from client errors (INTROSPECTION=false: the schema is not public). */
  hideSuggestions?: boolean;
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

// Client mistakes Apollo's request pipeline raises without any code (so they would be masked as internal
// errors), by their message; the reason given is the code Apollo Router uses for the same refusal.
const UNCODED_CLIENT_ERRORS: Record<string, string> = {
  "provided sha does not match query": "PERSISTED_QUERY_HASH_MISMATCH",
  "Unsupported persisted query version": "PERSISTED_QUERY_VERSION_UNSUPPORTED",
};

function uncodedClientReason(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  return Object.hasOwn(UNCODED_CLIENT_ERRORS, error.message) ? UNCODED_CLIENT_ERRORS[error.message] : undefined;
}

/** Errors a nested run of the pipeline (a saved query) already formatted: masked and logged there, passed on as they are. */
const formattedOnce = new WeakSet<object>();

/** Raises an error another run of the request pipeline formatted, so this one neither masks nor logs it again. */
export function formattedError(formatted: GraphQLFormattedError): GraphQLError {
  const error = new GraphQLError(formatted.message, { extensions: formatted.extensions });
  formattedOnce.add(error);
  return error;
}

function wasFormatted(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && typeof current === "object" && current !== null; depth += 1) {
    if (formattedOnce.has(current)) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

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
 * A client's error as the client sees it: one with a contract code, or a request error of Apollo's or
 * graphql-js's under the contract's code; without a stack either way. Undefined when it is not the
 * client's. Shared with the gateway (src/gateway/gateway-errors.ts), which has no original error to give.
 */
export function clientFacingError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError | undefined {
  const code = String(formatted.extensions?.code ?? "");
  if (CONTRACT_CODES.has(code) || wasFormatted(error))
    return { ...formatted, extensions: withoutStacktrace(formatted.extensions) };
  const renamed = FOREIGN_CLIENT_CODES[code];
  if (renamed) return { ...formatted, extensions: { ...withoutStacktrace(formatted.extensions), code: renamed, reason: code } };
  const reason = uncodedClientReason(error);
  if (reason)
    return { ...formatted, extensions: { ...withoutStacktrace(formatted.extensions), code: ErrorCode.BAD_USER_INPUT, reason } };
  return undefined;
}

// graphql-js suggests names of the schema ("Did you mean …?") in validation, variable coercion and saved-document errors.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * The error without schema suggestions, in its message and its problems. Apollo's hideSchemaDetailsFromClientErrors
 * strips them from validation errors only; variables (`Variable "$f" got invalid value …`) and saved documents suggest too.
 */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const problems = formatted.extensions?.problems;
  const extensions = Array.isArray(problems)
    ? {
        ...formatted.extensions,
        problems: problems.map((problem: unknown) =>
          typeof problem === "object" && problem !== null && "message" in problem && typeof problem.message === "string"
            ? { ...problem, message: problem.message.replace(SUGGESTION, "") }
            : problem,
        ),
      }
    : formatted.extensions;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, ""), extensions };
}

export function createErrorFormatter(settings: ErrorMaskingSettings): ErrorFormatter {
  return (formatted, error) => {
    const client = clientFacingError(formatted, error);
    if (client) return settings.hideSuggestions ? withoutSuggestions(client) : client;

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
