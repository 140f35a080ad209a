import type { SavedQuerySupport } from "./saved-queries-schema";

/** One saved query as the panel knows it; fields the schema lacks stay undefined. */
export interface SavedQuerySummary {
  name: string;
  title?: string | null;
  description?: string | null;
  document?: string | null;
  variables?: unknown;
  version?: number | null;
  restPath?: string | null;
  updatedAt?: string | null;
}

export interface SaveQueryRequest {
  name: string;
  title: string;
  description: string;
  document: string;
  /** JSON text from the variables editor (may be empty). */
  variables: string;
}

/** Where and as whom the panel talks to the server: the IDE's endpoint and the headers editor's headers. */
export interface ApiTarget {
  endpoint: string;
  headers: Record<string, string>;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class SavedQueryApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

async function postGraphQL<T>(target: ApiTarget, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(target.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...target.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const firstError = body.errors?.[0];
  if (firstError) throw new SavedQueryApiError(firstError.message, firstError.extensions?.code);
  if (!body.data) throw new SavedQueryApiError(`The server answered HTTP ${response.status} without data`, undefined);
  return body.data;
}

export async function listSavedQueries(
  target: ApiTarget,
  support: SavedQuerySupport,
  search: string,
): Promise<SavedQuerySummary[]> {
  const useServerSearch = Boolean(support.searchArgument && search.trim());
  const argumentList = [
    useServerSearch ? `${support.searchArgument}: $search` : "",
    support.acceptsFirst ? "first: 100" : "",
  ].filter(Boolean);
  const args = argumentList.length ? `(${argumentList.join(", ")})` : "";
  const selection = support.fields.join(" ");
  const body = support.listIsConnection ? `{ nodes { ${selection} } }` : `{ ${selection} }`;
  const query = `query ChanceryIdeSavedQueries${useServerSearch ? "($search: String)" : ""} { savedQueries${args} ${body} }`;
  type Answer = { savedQueries: SavedQuerySummary[] | { nodes: SavedQuerySummary[] } };
  const data = await postGraphQL<Answer>(target, query, useServerSearch ? { search } : {});
  const items = Array.isArray(data.savedQueries) ? data.savedQueries : data.savedQueries.nodes;
  return useServerSearch ? items : filterLocally(items, search);
}

function filterLocally(items: SavedQuerySummary[], search: string): SavedQuerySummary[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return items;
  return items.filter((item) => [item.name, item.title, item.description].some((text) => text?.toLowerCase().includes(needle)));
}

function parseVariables(text: string): Record<string, unknown> | null {
  if (!text.trim()) return null;
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SavedQueryApiError("Variables must be a JSON object", "BAD_USER_INPUT");
  }
  return parsed as Record<string, unknown>;
}

export async function saveQuery(
  target: ApiTarget,
  support: SavedQuerySupport,
  request: SaveQueryRequest,
): Promise<SavedQuerySummary> {
  const variables = parseVariables(request.variables);
  const input = {
    name: request.name,
    title: request.title,
    description: request.description,
    document: request.document,
    variables: support.variablesAsObject ? variables : variables && JSON.stringify(variables),
  };
  const selection = support.fields.filter((field) => ["name", "version", "restPath"].includes(field));
  const query = `mutation ChanceryIdeSaveQuery($input: SaveQueryInput!) { saveQuery(input: $input) { ${
    selection.length ? selection.join(" ") : "name"
  } } }`;
  const data = await postGraphQL<{ saveQuery: SavedQuerySummary }>(target, query, { input });
  return data.saveQuery;
}

/** The REST path of a saved query: its restPath when the server gives one, else /saved/{name}. */
export function restPathOf(item: SavedQuerySummary): string {
  return item.restPath || `/saved/${encodeURIComponent(item.name)}`;
}

/** Runs the saved query over REST as CSV (with the editor's headers, so API keys work) and downloads it. */
export async function downloadCsv(target: ApiTarget, item: SavedQuerySummary): Promise<void> {
  const url = new URL(restPathOf(item), target.endpoint);
  url.searchParams.set("format", "csv");
  const response = await fetch(url, { headers: { accept: "text/csv", ...target.headers } });
  if (!response.ok) {
    const text = await response.text();
    throw new SavedQueryApiError(`CSV download failed (HTTP ${response.status}): ${text.slice(0, 300)}`, undefined);
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${item.name}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Text for the variables editor from a saved query's default variables (JSON value or JSON text). */
export function variablesText(variables: unknown): string {
  if (variables === null || variables === undefined || variables === "") return "";
  if (typeof variables === "string") return variables;
  return JSON.stringify(variables, null, 2);
}
