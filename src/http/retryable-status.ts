import { GraphQLError } from "graphql";
import { classifyDatabaseError } from "../db/database-errors";

/**
 * Apollo answers an error thrown while building the context with HTTP 500 unless it names a status. When the
 * database is unreachable or busy (e.g. while checking an API key) the answer is 503, as for /readyz, so clients
 * and load balancers retry; the error formatter still gives it the SERVICE_UNAVAILABLE code.
 */
export function withRetryableStatus(error: unknown): unknown {
  const failure = classifyDatabaseError(error);
  if (failure !== "UNAVAILABLE" && failure !== "POOL_EXHAUSTED") return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(message, {
    originalError: error instanceof Error ? error : undefined,
    extensions: { http: { status: 503 } },
  });
}
