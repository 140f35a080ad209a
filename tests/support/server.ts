import type { Config } from "../../src/config";
import { loadConfig } from "../../src/config";
import { type ChanceryServer, startServer } from "../../src/http/app";
import { createLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "./database";

/** The real HTTP server on a free port, over a database of the test's own. */
export interface GraphQLResponseBody<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestServer {
  url: string;
  origin: string;
  db: TestDatabase;
  /** POSTs a GraphQL request and returns the parsed JSON body with the HTTP status. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLResponseBody<T> }>;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config: Config = loadConfig({ ...process.env, ...env, DATABASE_URL: db.url, PORT: "0" });
  const log = createLogger(config.logLevel);
  let server: ChanceryServer;
  try {
    server = await startServer({ config, dataSource: db.dataSource, log }, 0);
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    db,
    async graphql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponseBody<T> };
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
