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

/** The `query` a GraphQL-over-HTTP request carries: in a POST's JSON body or a GET's search parameters. */
export function requestDocument(request: { method?: string; body?: unknown; query?: unknown }): string | null {
  const carrier = request.method === "GET" ? request.query : request.body;
  if (typeof carrier !== "object" || carrier === null || !("query" in carrier)) return null;
  return typeof carrier.query === "string" ? carrier.query : null;
}

/**
 * Refuses documents longer than `maxTokens` tokens (MAX_QUERY_TOKENS) before Apollo parses them.
 * Run when the request is admitted (src/auth/access-gate.ts): Apollo treats an error thrown by a
 * plugin before parsing as an internal failure, but answers one thrown by the context factory as is.
 */
export function checkTokenLimit(document: string | null, maxTokens: number): void {
  // Every token is at least one character: a document no longer than the limit cannot exceed it.
  if (document === null || document.length <= maxTokens) return;
  const tokens = countTokens(document);
  if (tokens > maxTokens) throw queryTooComplex("maxTokens", tokens, maxTokens);
}
