import type { GraphQLError } from "graphql";
import { clientError, ErrorCode } from "../errors";

/** The query limits a refusal can name (`extensions.limit`), each with the variable that sets it. */
export const LIMIT_VARIABLES = {
  depth: "MAX_QUERY_DEPTH",
  nodes: "MAX_QUERY_NODES",
  aliases: "MAX_QUERY_ALIASES",
  directives: "MAX_QUERY_DIRECTIVES",
  tokens: "MAX_QUERY_TOKENS",
} as const;

export type LimitName = keyof typeof LIMIT_VARIABLES;

/**
 * QUERY_TOO_COMPLEX naming the limit and both figures: `extensions.limit`, `extensions.value`
 * (what the request asked for) and `extensions.max`. Refused before execution, so HTTP 400.
 */
export function queryTooComplex(limit: LimitName, value: number, max: number): GraphQLError {
  return clientError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The request exceeds the ${limit} limit: ${value} is more than ${max} (the server's ${LIMIT_VARIABLES[limit]}).`,
    { limit, value, max, http: { status: 400 } },
  );
}
