import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";

/** What a check on a parsed, validated operation reads: the same for a request over HTTP and a subscription over WebSocket. */
export interface CheckedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** The document's text. */
  source: string;
}

/** Throws the client error that refuses the operation, or returns. */
export type OperationCheck = (checked: CheckedOperation) => void;

/** Runs `check` on each HTTP request's operation once it is resolved (src/live/operation-checks.ts runs it on subscriptions). */
export function operationCheckPlugin<TContext extends BaseContext>(check: OperationCheck): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, source }) {
          if (!operation) return;
          check({ schema, document, operation, variables: request.variables ?? {}, source });
        },
      };
    },
  };
}
