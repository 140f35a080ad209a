import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { type OperationCheck } from "./operation-check";
import { type QueryLimitName, queryTooComplex } from "./query-too-complex";

/** A figure that depends on the operation's text alone (not on variables). */
export type OperationMeasure = (document: DocumentNode, operation: OperationDefinitionNode) => number;

/**
 * Refuses operations whose `measure` is above `max`, naming `limit`. Apollo keeps parsed documents
 * in its cache, so a repeated query brings back the same operation node: each is measured once.
 */
export function operationLimitCheck(limit: QueryLimitName, max: number, measure: OperationMeasure): OperationCheck {
  const measured = new WeakMap<OperationDefinitionNode, number>();
  return ({ document, operation }) => {
    const value = measured.get(operation) ?? measure(document, operation);
    measured.set(operation, value);
    if (value > max) throw queryTooComplex(limit, value, max);
  };
}
