import { Writable } from "node:stream";
import pino from "pino";
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
  /** The server's log lines at warn and above, when started with `captureLogs` (else empty). */
  logs: LoggedLine[];
  /** POSTs a GraphQL request and returns the parsed JSON body with the HTTP status. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLResponseBody<T> }>;
  close(): Promise<void>;
}

/** One parsed JSON log line of the server (pino levels: 40 warn, 50 error, 60 fatal). */
export type LoggedLine = Record<string, unknown> & { level: number; msg?: string };

/** A pino logger at warn whose lines land in `logs`, so a test can assert what the server logged. */
function capturingLogger(logs: LoggedLine[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  return pino({ level: "warn" }, sink);
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    captureLogs?: boolean /** Another server's database (two instances on one database); not dropped on close. */;
    db?: TestDatabase;
  } = {},
): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase());
  const ownDatabase = options.db === undefined;
  const config: Config = loadConfig({ ...process.env, ...env, DATABASE_URL: db.url, PORT: "0" });
  const logs: LoggedLine[] = [];
  const log = options.captureLogs ? capturingLogger(logs) : createLogger(config.logLevel);
  let server: ChanceryServer;
  try {
    server = await startServer({ config, dataSource: db.dataSource, log }, 0);
  } catch (error) {
    if (ownDatabase) await db.drop();
    throw error;
  }
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    db,
    logs,
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
      if (ownDatabase) await db.drop();
    },
  };
}
