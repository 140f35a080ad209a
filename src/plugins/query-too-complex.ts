import type { GraphQLError } from "graphql";
import { clientError, ErrorCode } from "../errors";

/**
 * The query limits a refusal can name (`extensions.limit`, as in `Config.limits`), with what each
 * measures and the variable that sets it.
 */
export const QUERY_LIMITS = {
  maxDepth: { measure: "depth", variable: "MAX_QUERY_DEPTH" },
  maxNodes: { measure: "estimated nodes", variable: "MAX_QUERY_NODES" },
  maxAliases: { measure: "aliases", variable: "MAX_QUERY_ALIASES" },
  maxDirectives: { measure: "directives", variable: "MAX_QUERY_DIRECTIVES" },
  maxTokens: { measure: "tokens", variable: "MAX_QUERY_TOKENS" },
  maxInputDepth: { measure: "input nesting", variable: "MAX_INPUT_DEPTH" },
} as const;

export type QueryLimitName = keyof typeof QUERY_LIMITS;

/**
 * QUERY_TOO_COMPLEX naming the limit and both figures: `extensions.limit`, `extensions.value`
 * (what the request asked for) and `extensions.max`. Refused before execution, so HTTP 400.
 */
export function queryTooComplex(limit: QueryLimitName, value: number, max: number): GraphQLError {
  const { measure, variable } = QUERY_LIMITS[limit];
  return clientError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `Query too complex: ${measure} ${value} is more than the limit of ${max} (${variable}).`,
    { limit, value, max, http: { status: 400 } },
  );
}
