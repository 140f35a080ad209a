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

/** The most problems one error lists: a request naming 100,000 unknown slugs gets the first 100 and a count. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * BAD_USER_INPUT listing the problems (`extensions.problems`), the message naming each with its path; past
 * MAX_LISTED_PROBLEMS, the first ones only, the message ending "and N more problems" and `extensions.moreProblems` N.
 */
export function badInput(problems: InputProblem[]): GraphQLError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  const lines = listed.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  if (more === 0) return clientError(ErrorCode.BAD_USER_INPUT, lines.join("; "), { problems: listed });
  const message = `${lines.join("; ")}; and ${more} more problem${more === 1 ? "" : "s"}`;
  return clientError(ErrorCode.BAD_USER_INPUT, message, { problems: listed, moreProblems: more });
}
