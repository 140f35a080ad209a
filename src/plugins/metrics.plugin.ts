import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import type { ChanceryMetrics } from "../http/metrics-registry";
import { operationNameOf, responseErrorCodes } from "./response-errors";

/** Counts every GraphQL request by operation and outcome, times it, and counts the errors sent by code. */
export function metricsPlugin(metrics: ChanceryMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const stopTimer = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const operation = metrics.operationLabel(operationNameOf(requestContext));
          const codes = responseErrorCodes(requestContext);
          const seconds = Number(process.hrtime.bigint() - stopTimer) / 1e9;
          metrics.duration.observe({ operation }, seconds);
          metrics.requests.inc({ operation, outcome: codes.length > 0 ? "error" : "success" });
          for (const code of codes) metrics.errors.inc({ code });
        },
      };
    },
  };
}
