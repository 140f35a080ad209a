import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import { currentQueryCount } from "../db/query-counter";
import { operationNameOf, responseErrorCodes } from "./response-errors";

/**
 * One log line per GraphQL operation, on the request's logger (so it carries the request id):
 * operation name, duration, SQL statements run and the codes of any errors sent.
 */
export function loggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.log.isLevelEnabled("info")) return;
      const startedAt = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const errorCodes = responseErrorCodes(requestContext);
          const details = {
            operation: operationNameOf(requestContext),
            operationType: requestContext.operation?.operation ?? null,
            durationMs: Math.round(Number(process.hrtime.bigint() - startedAt) / 1e4) / 100,
            sqlStatements: currentQueryCount()?.statements ?? 0,
            ...(errorCodes.length > 0 ? { errorCodes } : {}),
          };
          requestContext.contextValue.log.info(details, "graphql operation");
        },
      };
    },
  };
}
