import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Limits } from "../config";
import { aliasLimitPlugin } from "./alias-limit";
import { depthLimitPlugin } from "./depth-limit";
import { directiveLimitPlugin } from "./directive-limit";
import { nodeLimitPlugin } from "./node-limit";
import { tokenLimitPlugin } from "./token-limit";

/** Every query limit as Apollo plugins: tokens before parsing, then depth, aliases, directives and nodes. */
export function queryLimitPlugins<TContext extends BaseContext>(limits: Limits): ApolloServerPlugin<TContext>[] {
  return [
    tokenLimitPlugin(limits.maxTokens),
    depthLimitPlugin(limits.maxDepth),
    aliasLimitPlugin(limits.maxAliases),
    directiveLimitPlugin(limits.maxDirectives),
    nodeLimitPlugin(limits.maxNodes),
  ];
}
