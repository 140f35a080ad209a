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
