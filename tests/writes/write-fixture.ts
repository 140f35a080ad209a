import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { importBundle } from "../../src/import/import-bundle";
import { type GraphQLResponseBody, startTestServer, type TestServer } from "../support/server";
import { snapshotTables } from "../support/table-snapshot";

/** A real server over a database of its own, with one API key per role. */
export interface WriteServer {
  server: TestServer;
  dataSource: DataSource;
  /** Runs an operation as the given role (anonymous when null). */
  as<T = Record<string, unknown>>(
    role: Role | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponseBody<T>>;
  /** Runs an operation as the EDITOR key and fails the test on any error. */
  edit<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function startWriteServer(env: Record<string, string> = {}): Promise<WriteServer> {
  const server = await startTestServer(env);
  const dataSource = server.db.dataSource;
  const secrets = new Map<Role, string>();
  for (const role of [Role.READER, Role.EDITOR, Role.ADMIN]) {
    const { secret } = await createApiKey(dataSource, { role, label: `${role.toLowerCase()}-key` });
    secrets.set(role, secret);
  }
  const as = async <T>(role: Role | null, query: string, variables?: Record<string, unknown>) => {
    const headers: Record<string, string> = role ? { authorization: `Bearer ${secrets.get(role)}` } : {};
    const { body } = await server.graphql<T>(query, variables, headers);
    return body;
  };
  return {
    server,
    dataSource,
    as,
    async edit<T>(query: string, variables?: Record<string, unknown>) {
      const body = await as<T>(Role.EDITOR, query, variables);
      assert.deepEqual(body.errors, undefined, JSON.stringify(body.errors));
      return body.data as T;
    },
    close: () => server.close(),
  };
}

/** The first error of a response, which the test expects. */
export function firstError(body: GraphQLResponseBody<unknown>): { message: string; extensions: Record<string, unknown> } {
  assert.ok(body.errors && body.errors.length > 0, `expected an error, got ${JSON.stringify(body.data)}`);
  const error = body.errors[0];
  return { message: error.message, extensions: error.extensions ?? {} };
}

/** The `{path, message}` problems of a BAD_USER_INPUT error, by path. */
export function problemsOf(body: GraphQLResponseBody<unknown>): Record<string, string> {
  const error = firstError(body);
  assert.equal(error.extensions.code, "BAD_USER_INPUT", error.message);
  const problems = error.extensions.problems as { path: string; message: string }[];
  return Object.fromEntries(problems.map((problem) => [problem.path, problem.message]));
}

/**
 * Row count and md5 of every table: equal checksums mean nothing was written. Writes go with an API key, whose
 * `last_used_at` a request may refresh, so that column is left out.
 */
export function tableChecksums(dataSource: DataSource): Promise<Record<string, string>> {
  return snapshotTables(dataSource, { api_key: ["last_used_at"] });
}

/** A small world in the contract's bundle format: two states, a source, topics, a coalition, officials, a meeting. */
export function worldBundle() {
  return {
    sources: [
      { slug: "rbc-article", kind: "NEWS_ARTICLE", publisher: "RBC-Ukraine", title: { ru: "Статья" }, language: "ru" },
      { slug: "elysee-communique", kind: "COMMUNIQUE", publisher: "Élysée", title: "Communiqué" },
    ],
    states: [
      { code: "FR", name: { en: "France", ru: "Франция" } },
      { code: "GB", name: "United Kingdom" },
      { code: "DE", name: "Germany" },
    ],
    topics: [
      { slug: "security-guarantees", name: "Security guarantees" },
      { slug: "troop-deployment", name: "Troop deployment", parent: "security-guarantees" },
    ],
    coalitions: [
      {
        slug: "willing",
        name: { en: "Coalition of the Willing" },
        members: [
          { state: "FR", role: "FOUNDER", since: "2025-03-02", sources: ["rbc-article"] },
          { state: "GB", role: "FOUNDER", since: "2025-03-02" },
        ],
      },
    ],
    officials: [
      {
        slug: "fabien-mandon",
        name: { en: "Fabien Mandon" },
        positions: [{ title: "Chief of the Defence Staff", state: "FR", sources: ["rbc-article"] }],
      },
      { slug: "rich-knighton", name: "Rich Knighton" },
    ],
    meetings: [
      {
        slug: "chiefs-in-paris",
        title: { en: "Chiefs in Paris" },
        coalition: "willing",
        date: "2026-01-06",
        status: "HELD",
        format: "IN_PERSON",
        level: "CHIEFS_OF_DEFENCE",
        location: { city: "Paris", country: "FR" },
        participants: [
          { official: "fabien-mandon", representing: "FR", role: "HOST", attendance: "IN_PERSON" },
          { official: "rich-knighton", representing: "GB" },
        ],
        topics: ["troop-deployment"],
        outcomes: [{ slug: "paris-statement", kind: "STATEMENT", status: "AGREED", summary: "Agreed", parties: ["FR"] }],
        sources: [{ source: "rbc-article", quote: "Встреча", quoteLang: "ru" }],
      },
    ],
    statements: [
      { official: "fabien-mandon", meeting: "chiefs-in-paris", text: "We are ready.", lang: "en", source: "rbc-article" },
    ],
  };
}

export async function loadWorld(dataSource: DataSource): Promise<void> {
  await importBundle(dataSource, worldBundle(), { actor: "fixture" });
}
