import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { type QueryLimitName, queryTooComplex } from "./query-too-complex";

/** A figure that depends on the operation's text alone (not on variables). */
export type OperationMeasure = (document: DocumentNode, operation: OperationDefinitionNode) => number;

/**
 * Refuses operations whose `measure` is above `max`, naming `limit`. Apollo keeps parsed documents
 * in its cache, so a repeated query brings back the same operation node: each is measured once.
 */
export function operationLimitPlugin<TContext extends BaseContext>(
  limit: QueryLimitName,
  max: number,
  measure: OperationMeasure,
): ApolloServerPlugin<TContext> {
  const measured = new WeakMap<OperationDefinitionNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const value = measured.get(operation) ?? measure(document, operation);
          measured.set(operation, value);
          if (value > max) throw queryTooComplex(limit, value, max);
        },
      };
    },
  };
}
