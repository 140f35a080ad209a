import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createApiKey } from "../../src/auth/api-keys";
import type { Role } from "../../src/auth/role";
import { importBundle } from "../../src/import/import-bundle";

/** The demo records (the contract's bundle format), so hostile queries run against real rows. */
export async function loadDemoRecords(dataSource: DataSource): Promise<void> {
  const file = path.resolve(__dirname, "../../../seed/demo-records.json");
  await importBundle(dataSource, JSON.parse(await readFile(file, "utf8")));
}

/** A live key of this role; returns the `Authorization` header that carries it. */
export async function bearerFor(dataSource: DataSource, role: Role, label: string): Promise<Record<string, string>> {
  const { secret } = await createApiKey(dataSource, { role, label });
  return { authorization: `Bearer ${secret}` };
}

/** What no client may ever see: driver or SQL wording, stack frames. */
const LEAKS: RegExp[] = [
  /\bat [^\n]*\.js:\d+/,
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\b(INSERT INTO|DELETE FROM|DROP TABLE|UPDATE \S+ SET)\b/,
  /syntax error at or near/i,
  /\brelation "[^"]+"/i,
  /QueryFailedError|TypeORMError|node_modules/,
  /\bpg_[a-z_]+\b/,
];

/**
 * Fails when a response body leaks SQL or a stack. `echoed` is text the client itself sent and
 * that an error may legitimately quote back (e.g. a hostile string named as an unknown slug).
 */
export function assertNoLeak(body: string, echoed: string[] = []): void {
  let text = body;
  for (const value of echoed) {
    text = text.split(value).join("<echo>");
    text = text.split(JSON.stringify(value).slice(1, -1)).join("<echo>");
  }
  for (const pattern of LEAKS) assert.doesNotMatch(text, pattern, `response leaks ${pattern}: ${body.slice(0, 400)}`);
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  } | null;
}

/** Any HTTP request to the server, answered as status, headers, raw text and parsed JSON (null when not JSON). */
export async function rawRequest(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: RawResponse["json"] = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs a JSON GraphQL request. */
export function postGraphql(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** The codes of a response's errors. */
export function errorCodes(response: RawResponse): unknown[] {
  return (response.json?.errors ?? []).map((error) => error.extensions?.code);
}

interface MutationField {
  name: string;
  type: { kind: string; ofType: { kind: string } | null };
}

function selectionFor(field: MutationField): string {
  const kind = field.type.kind === "NON_NULL" ? field.type.ofType?.kind : field.type.kind;
  return kind === "OBJECT" || kind === "INTERFACE" || kind === "UNION" ? " { __typename }" : "";
}

/**
 * A write the schema offers to this test: importRecords (the import helper's) or createState (the
 * write helper's), whichever exists; null while neither does. It would add the state ZZ.
 */
export async function someWriteMutation(url: string): Promise<string | null> {
  const response = await postGraphql(url, {
    query: "{ __schema { mutationType { fields { name type { kind ofType { kind } } } } } }",
  });
  const schema = response.json?.data as { __schema: { mutationType: { fields: MutationField[] } | null } } | undefined;
  const fields = new Map((schema?.__schema.mutationType?.fields ?? []).map((field) => [field.name, field]));
  const importRecords = fields.get("importRecords");
  if (importRecords) {
    return `mutation { importRecords(bundle: { states: [{ code: "ZZ", name: "Zedland" }] })${selectionFor(importRecords)} }`;
  }
  const createState = fields.get("createState");
  if (createState) return `mutation { createState(input: { code: "ZZ", name: "Zedland" })${selectionFor(createState)} }`;
  return null;
}
