import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import { rememberErrorScope } from "../http/request-scope";

/** Remembers the request (id, logger) of every error an operation raised, before Apollo formats them. */
export function errorScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) rememberErrorScope(error, { requestId: contextValue.requestId, log: contextValue.log });
        },
        async didEncounterSubsequentErrors({ contextValue }, errors) {
          for (const error of errors) rememberErrorScope(error, { requestId: contextValue.requestId, log: contextValue.log });
        },
      };
    },
  };
}
