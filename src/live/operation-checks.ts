import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  OperationTypeNode,
  parse,
  validate,
} from "graphql";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { clientError, ErrorCode } from "../errors";
import { allQueryLimitChecks } from "../plugins/limits";
import type { OperationCheck } from "../plugins/operation-check";
import { checkTokenLimit } from "../plugins/token-limit";
import { heldToSafelist, onlyReachesSavedQueries } from "../saved-queries/safelist.plugin";

/** A subscription document as checked: ready for graphql-js's `subscribe`. */
export interface CheckedSubscription {
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A check's refusal is a GraphQLError to send; anything else is a fault and goes on up. */
function asRefusal(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  throw error;
}

/**
 * What a subscription document meets before it runs, the same rules as a query over HTTP: the token limit
 * before parsing, validation, then depth, aliases, directives, estimated nodes, input nesting and NUL
 * characters (the checks the Apollo plugins run), and SAFELIST. Only subscriptions go over WebSocket.
 * Returns the refusal as GraphQL errors (graphql-ws sends them for that subscription) or the checked operation.
 */
export function subscriptionChecker(schema: GraphQLSchema, config: Config) {
  const limitChecks: OperationCheck[] = allQueryLimitChecks(config.limits);
  return async (
    request: SubscriptionRequest,
    viewer: Viewer,
  ): Promise<CheckedSubscription | { refused: readonly GraphQLError[] }> => {
    try {
      checkTokenLimit(request.query, config.limits.maxTokens);
    } catch (refusal) {
      return { refused: [asRefusal(refusal)] };
    }
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (syntaxError) {
      return { refused: [asRefusal(syntaxError)] };
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return { refused: invalid };
    const operationName = request.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return {
        refused: [
          clientError(ErrorCode.BAD_USER_INPUT, "the document holds no operation of that name, or several without operationName"),
        ],
      };
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return {
        refused: [
          clientError(
            ErrorCode.BAD_USER_INPUT,
            `only subscriptions go over WebSocket; send this ${operation.operation} to POST /graphql`,
          ),
        ],
      };
    }
    const variables = request.variables ?? {};
    try {
      for (const check of limitChecks) check({ schema, document, operation, variables, source: request.query });
      // Saved queries hold queries only, so under SAFELIST an anonymous or READER client opens no subscription.
      if (heldToSafelist(viewer, config.safelist) && !onlyReachesSavedQueries(operation)) {
        throw clientError(
          ErrorCode.FORBIDDEN,
          "SAFELIST is on: this client may only run approved saved queries, and subscriptions are not among them",
        );
      }
    } catch (refusal) {
      return { refused: [asRefusal(refusal)] };
    }
    return { document, variables, operationName };
  };
}
