import type { Fetcher, FetcherOpts, FetcherParams } from "@graphiql/toolkit";

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

/** A plain POST fetcher for one endpoint: JSON in, JSON out, no subscriptions, nothing else contacted. */
export function createSameOriginFetcher(endpoint: string): Fetcher {
  return async (params: FetcherParams, options?: FetcherOpts) => {
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
