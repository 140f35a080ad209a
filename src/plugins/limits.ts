import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Limits } from "../config";
import { aliasLimitPlugin } from "./alias-limit";
import { depthLimitPlugin } from "./depth-limit";
import { directiveLimitPlugin } from "./directive-limit";
import { inputDepthLimitPlugin } from "./input-depth-limit";
import { nodeLimitPlugin } from "./node-limit";
import { nulCharacterPlugin } from "./nul-characters";

/**
 * The query limits checked on the parsed operation, as Apollo plugins: depth, aliases, directives,
 * estimated nodes and the nesting of arguments; and the refusal of NUL characters, which PostgreSQL text cannot hold.
 * Tokens are counted before parsing, when the request is admitted (token-limit.ts).
 */
export function queryLimitPlugins<TContext extends BaseContext>(limits: Limits): ApolloServerPlugin<TContext>[] {
  return [
    depthLimitPlugin(limits.maxDepth),
    aliasLimitPlugin(limits.maxAliases),
    directiveLimitPlugin(limits.maxDirectives),
    nodeLimitPlugin(limits.maxNodes),
    inputDepthLimitPlugin(limits.maxInputDepth),
    nulCharacterPlugin(),
  ];
}
