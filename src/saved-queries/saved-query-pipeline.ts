import type { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { RequestContext } from "../context";
import type { SavedQuery } from "../entities/saved-query.entity";
import { checkTokenLimit } from "../plugins/token-limit";

/** What a run of a saved query answers: the HTTP status Apollo chose, the data, the errors as a client sees them. */
export interface SavedQueryResult {
  status: number;
  data: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[] | null;
}

export type SavedQueryPipeline = (
  savedQuery: SavedQuery,
  variables: Record<string, unknown>,
  context: RequestContext,
) => Promise<SavedQueryResult>;

/**
 * Runs saved documents through the server's own request pipeline (Apollo's `executeOperation`): the
 * same validation, plugins (query limits, SAFELIST, logging, metrics) and error masking as a client
 * sending the document itself, as Apollo's persisted queries and Hasura's allow-lists run theirs. The
 * run's context says which saved query it runs, so the document cannot start another saved query.
 */
export function savedQueryPipeline(apollo: ApolloServer<RequestContext>, maxTokens: number): SavedQueryPipeline {
  return async (savedQuery, variables, context) => {
    // The access gate counts the tokens of what a client sends; a saved document (saved through variables) is counted here.
    checkTokenLimit(savedQuery.document, maxTokens);
    const response = await apollo.executeOperation(
      { query: savedQuery.document, variables },
      { contextValue: { ...context, insideSavedQuery: savedQuery.name } },
    );
    if (response.body.kind !== "single") throw new Error("saved queries never stream");
    const { data, errors } = response.body.singleResult;
    return { status: response.http.status ?? 200, data: data ?? null, errors: errors ?? null };
  };
}
