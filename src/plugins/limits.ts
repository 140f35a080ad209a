import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Limits } from "../config";
import { operationAliases } from "./alias-limit";
import { operationDepth } from "./depth-limit";
import { operationDirectives } from "./directive-limit";
import { inputDepthCheck } from "./input-depth-limit";
import { checkNodeLimit } from "./node-limit";
import { nulCharacterCheck } from "./nul-characters";
import type { OperationCheck } from "./operation-check";
import { operationLimitCheck } from "./operation-limit";

/**
 * The query limits checked on the parsed operation: depth, aliases, directives, estimated nodes and the
 * nesting of arguments; and the refusal of NUL characters, which PostgreSQL text cannot hold. The same
 * checks run on HTTP requests (as Apollo plugins, below) and on subscriptions (src/live/operation-checks.ts).
 * Tokens are counted before parsing, when the request is admitted (token-limit.ts).
 */
export function queryLimitChecks(limits: Limits): {
  beforeNodes: OperationCheck[];
  nodes: OperationCheck;
  afterNodes: OperationCheck[];
} {
  return {
    beforeNodes: [
      operationLimitCheck("maxDepth", limits.maxDepth, operationDepth),
      operationLimitCheck("maxAliases", limits.maxAliases, operationAliases),
      operationLimitCheck("maxDirectives", limits.maxDirectives, operationDirectives),
    ],
    nodes: (checked) => void checkNodeLimit(checked, limits.maxNodes),
    afterNodes: [inputDepthCheck(limits.maxInputDepth), nulCharacterCheck],
  };
}

/** The checks of `queryLimitChecks` in one list, in the order HTTP requests meet them. */
export function allQueryLimitChecks(limits: Limits): OperationCheck[] {
  const { beforeNodes, nodes, afterNodes } = queryLimitChecks(limits);
  return [...beforeNodes, nodes, ...afterNodes];
}

/**
 * The query limits as one Apollo plugin (one set of hooks per request, not one per check): the checks run in
 * `allQueryLimitChecks`' order once the operation is resolved, and the estimate of an accepted operation is
 * reported in the response: `extensions.cost = { estimatedNodes, maxNodes }`.
 */
export function queryLimitPlugin<TContext extends BaseContext>(limits: Limits): ApolloServerPlugin<TContext> {
  const { beforeNodes, afterNodes } = queryLimitChecks(limits);
  const maxNodes = limits.maxNodes;
  return {
    async requestDidStart() {
      let estimatedNodes: number | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, source }) {
          if (!operation) return;
          const checked = { schema, document, operation, variables: request.variables ?? {}, source };
          for (const check of beforeNodes) check(checked);
          estimatedNodes = checkNodeLimit(checked, maxNodes);
          for (const check of afterNodes) check(checked);
        },
        async willSendResponse({ response }) {
          if (estimatedNodes === null || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimatedNodes, maxNodes } };
        },
      };
    },
  };
}
