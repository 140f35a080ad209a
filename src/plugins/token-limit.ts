import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Lexer, Source, TokenKind } from "graphql";
import { queryTooComplex } from "./query-too-complex";

/**
 * Lexical tokens in a document (comments are not tokens, as in graphql-js's `maxTokens`). The body
 * limit bounds the work. A lexing error ends the count: the parser reports that error itself.
 */
export function countTokens(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count;
  }
  return count;
}

/** Refuses documents longer than `maxTokens` tokens (MAX_QUERY_TOKENS) before they are parsed. */
export function tokenLimitPlugin<TContext extends BaseContext>(maxTokens: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveSource({ source }) {
          const tokens = countTokens(source);
          if (tokens > maxTokens) throw queryTooComplex("tokens", tokens, maxTokens);
        },
      };
    },
  };
}
