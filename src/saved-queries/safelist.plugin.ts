import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import { Role, roleAtLeast } from "../auth/role";
import type { RequestContext } from "../context";
import { clientError, ErrorCode } from "../errors";
import { isSavedDocumentHash } from "./saved-query-store";

/** Root fields that only reach saved queries, so any client may send them in SAFELIST mode. */
const SAVED_QUERY_FIELDS = new Set(["runSavedQuery", "savedQuery", "savedQueries", "__typename"]);

function onlyReachesSavedQueries(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === "query" &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && SAVED_QUERY_FIELDS.has(selection.name.value),
    )
  );
}

/**
 * SAFELIST=true: anonymous and READER clients may only run saved queries: a document some saved query
 * holds exactly (by its SHA-256, which is also how a persisted-query client names it, and how
 * `/saved/{name}` runs), or `runSavedQuery`/`savedQuery`/`savedQueries`. EDITOR and ADMIN run anything.
 */
export function safelistPlugin(dataSource: DataSource, enabled: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (!enabled) return;
      return {
        async didResolveOperation(requestContext) {
          const { viewer } = requestContext.contextValue;
          if (viewer.role !== null && roleAtLeast(viewer.role, Role.EDITOR)) return;
          if (requestContext.operation && onlyReachesSavedQueries(requestContext.operation)) return;
          if (await isSavedDocumentHash(dataSource, requestContext.queryHash)) return;
          throw clientError(
            ErrorCode.FORBIDDEN,
            "SAFELIST is on: this client may only run saved queries (GET /saved/{name}, runSavedQuery, or a saved document's hash as a persisted query)",
            { http: { status: 403 } },
          );
        },
      };
    },
  };
}
