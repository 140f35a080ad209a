import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import { Role, roleAtLeast } from "../auth/role";
import type { Viewer } from "../auth/viewer";
import type { RequestContext } from "../context";
import { clientError, ErrorCode } from "../errors";
import { isApprovedDocumentHash } from "./saved-query-store";

/**
 * Root fields that only reach saved queries, so any client may send them in SAFELIST mode: reading and
 * running them (what they show and run is curated), and drafting one's own (saving runs nothing and
 * admits nothing: an ADMIN approves).
 */
const SAVED_QUERY_FIELDS: Record<string, Set<string>> = {
  query: new Set(["runSavedQuery", "savedQuery", "savedQueries", "__typename"]),
  mutation: new Set(["saveQuery", "deleteSavedQuery", "__typename"]),
};

export function onlyReachesSavedQueries(operation: OperationDefinitionNode): boolean {
  const allowed = SAVED_QUERY_FIELDS[operation.operation];
  return (
    allowed !== undefined &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && allowed.has(selection.name.value))
  );
}

/** Under SAFELIST, anonymous and READER clients are held to it; EDITOR and ADMIN keys are not. */
export function heldToSafelist(viewer: Viewer, safelist: boolean): boolean {
  return safelist && !(viewer.role !== null && roleAtLeast(viewer.role, Role.EDITOR));
}

/**
 * SAFELIST=true: anonymous and READER clients may only run approved saved queries, a curated list as
 * Apollo's persisted-query lists and Hasura's allow-lists are: a document that the current, approved
 * version of some saved query holds exactly (by its SHA-256, which is also how a persisted-query client
 * names it, and how `/saved/{name}` and `runSavedQuery` run it through the pipeline), or
 * `runSavedQuery`/`savedQuery`/`savedQueries`, which then show them approved saved queries (and their own).
 * Saving a document does not admit it. EDITOR and ADMIN run anything.
 */
export function safelistPlugin(dataSource: DataSource, enabled: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!heldToSafelist(contextValue.viewer, enabled)) return;
      contextValue.approvedSavedQueriesOnly = true;
      return {
        async didResolveOperation(requestContext) {
          if (requestContext.operation && onlyReachesSavedQueries(requestContext.operation)) return;
          if (await isApprovedDocumentHash(dataSource, requestContext.queryHash)) return;
          const { insideSavedQuery } = requestContext.contextValue;
          throw clientError(
            ErrorCode.FORBIDDEN,
            insideSavedQuery !== null
              ? `SAFELIST is on: the saved query "${insideSavedQuery}" is not approved (an ADMIN approves saved queries, an EDITOR publishes its own)`
              : "SAFELIST is on: this client may only run approved saved queries (GET /saved/{name}, runSavedQuery, or an approved document's hash as a persisted query)",
            { http: { status: 403 } },
          );
        },
      };
    },
  };
}
