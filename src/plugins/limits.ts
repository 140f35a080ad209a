import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Limits } from "../config";
import { operationAliases } from "./alias-limit";
import { operationDepth } from "./depth-limit";
import { operationDirectives } from "./directive-limit";
import { inputDepthCheck } from "./input-depth-limit";
import { checkNodeLimit, nodeLimitPlugin } from "./node-limit";
import { nulCharacterCheck } from "./nul-characters";
import { type OperationCheck, operationCheckPlugin } from "./operation-check";
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

/** The query limits as Apollo plugins; the node estimate's plugin also reports the cost in `extensions.cost`. */
export function queryLimitPlugins<TContext extends BaseContext>(limits: Limits): ApolloServerPlugin<TContext>[] {
  const { beforeNodes, afterNodes } = queryLimitChecks(limits);
  return [
    ...beforeNodes.map((check) => operationCheckPlugin<TContext>(check)),
    nodeLimitPlugin<TContext>(limits.maxNodes),
    ...afterNodes.map((check) => operationCheckPlugin<TContext>(check)),
  ];
}
