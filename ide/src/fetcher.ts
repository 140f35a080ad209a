import type { Fetcher, FetcherOpts, FetcherParams } from "@graphiql/toolkit";
import { getOperationAST, parse } from "graphql";
import { createClient } from "graphql-ws";

/** The GraphQL endpoint this page was served from (the IDE lives at GET /graphql). */
export function graphqlEndpoint(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/** Request headers as the headers editor holds them (JSON object text); bad JSON counts as none. */
export function parseHeaders(text: string | null | undefined): Record<string, string> {
  if (!text?.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  } catch {
    return {};
  }
}

/** The WebSocket URL of the same endpoint, where subscriptions run (graphql-ws). */
export function subscriptionUrl(endpoint: string): string {
  return endpoint.replace(/^http/, "ws");
}

function isSubscription(params: FetcherParams): boolean {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === "subscription";
  } catch {
    return false;
  }
}

/** One subscription on a connection of its own, carrying the headers pane's Authorization as the server reads it. */
function subscribeOverWebSocket(url: string, params: FetcherParams, headers: Record<string, string>) {
  const authorization = headers.Authorization ?? headers.authorization;
  const client = createClient({ url, lazy: true, retryAttempts: 0, connectionParams: authorization ? { authorization } : {} });
  const events = client.iterate({
    query: params.query,
    variables: params.variables,
    operationName: params.operationName ?? undefined,
  });
  return {
    [Symbol.asyncIterator]() {
      return {
        next: () => events.next(),
        async return() {
          await events.return?.();
          await client.dispose();
          return { done: true as const, value: undefined };
        },
      };
    },
  };
}

/**
 * The IDE's fetcher for one endpoint: queries and mutations as a plain POST (JSON in, JSON out),
 * subscriptions over WebSocket at `subscriptionUrl`; nothing else is contacted.
 */
export function createSameOriginFetcher(endpoint: string, wsEndpoint = subscriptionUrl(endpoint)): Fetcher {
  return async (params: FetcherParams, options?: FetcherOpts) => {
    if (isSubscription(params)) return subscribeOverWebSocket(wsEndpoint, params, options?.headers ?? {});
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(options?.headers ?? {}),
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
    }
  };
}
