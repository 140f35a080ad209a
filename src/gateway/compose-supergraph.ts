import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import type { SubgraphEndpoint } from "./gateway-config";

/** Thrown when the subgraphs cannot be fetched or composed; `message` is the whole readable report. */
export class CompositionError extends Error {}

interface ServiceSdlResponse {
  data?: { _service?: { sdl?: string } };
  errors?: { message: string }[];
}

/** A subgraph's own SDL, as its `_service { sdl }` field reports it. */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint, timeoutMs = 10_000): Promise<string> {
  const response = await fetch(subgraph.url, {
    method: "POST",
    headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as ServiceSdlResponse;
  const sdl = body.data?._service?.sdl;
  if (typeof sdl === "string") return sdl;
  const reason = body.errors?.map((error) => error.message).join("; ") ?? `HTTP ${response.status}`;
  throw new Error(`no _service { sdl } (${reason})`);
}

/** `fetch failed` says nothing: name the cause (ECONNREFUSED, a timeout...) too. */
function describeFailure(reason: unknown): string {
  if (!(reason instanceof Error)) return String(reason);
  const cause = reason.cause instanceof Error ? `: ${reason.cause.message}` : "";
  return `${reason.message}${cause}`;
}

function report(title: string, lines: string[]): string {
  return [title, ...lines.map((line) => `  - ${line.replace(/\n/g, "\n    ")}`)].join("\n");
}

/** Composes the named SDLs into a supergraph; every composition error goes into one report. */
export function composeSdls(sdls: { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(sdls.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    const lines = result.errors.map((error) => {
      const code = typeof error.extensions.code === "string" ? `[${error.extensions.code}] ` : "";
      return `${code}${error.message}`;
    });
    throw new CompositionError(report(`Composition failed with ${lines.length} error(s):`, lines));
  }
  return result.supergraphSdl;
}

/** Fetches every subgraph's SDL (all failures reported together), then composes them. */
export async function composeSupergraph(subgraphs: SubgraphEndpoint[]): Promise<string> {
  const fetched = await Promise.allSettled(subgraphs.map((subgraph) => fetchSubgraphSdl(subgraph)));
  const failures = fetched.flatMap((outcome, index) =>
    outcome.status === "rejected"
      ? [`${subgraphs[index].name} at ${subgraphs[index].url}: ${describeFailure(outcome.reason)}`]
      : [],
  );
  if (failures.length > 0) throw new CompositionError(report("Could not fetch the subgraph schemas:", failures));
  return composeSdls(
    subgraphs.map((subgraph, index) => {
      const outcome = fetched[index];
      return { ...subgraph, sdl: outcome.status === "fulfilled" ? outcome.value : "" };
    }),
  );
}
