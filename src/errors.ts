import { GraphQLError } from "graphql";

/** Every `extensions.code` a client may see (the contract's list). Anything else is masked as INTERNAL_SERVER_ERROR. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  NOT_FOUND = "NOT_FOUND",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CONFLICT = "CONFLICT",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  RATE_LIMITED = "RATE_LIMITED",
  /** The database is unreachable or saturated; the request may be retried shortly (`extensions.retryable`). */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/** One problem with a client's input, located by its path (`input.participants[0].official`). */
export interface InputProblem {
  path: string;
  message: string;
}

/** A GraphQLError with a code from the enum and optional extra extensions. */
export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** BAD_USER_INPUT listing every problem; the message names each one with its path. */
export function badInput(problems: InputProblem[]): GraphQLError {
  const message = problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join("; ");
  return clientError(ErrorCode.BAD_USER_INPUT, message, { problems });
}
