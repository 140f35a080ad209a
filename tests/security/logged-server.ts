import { createApiKey } from "../../src/auth/api-keys";
import type { Role } from "../../src/auth/role";
import { seedDemoRecords } from "../../src/import/seed";
import { type LogLine, startLoggedServer } from "../server/server-harness";
import { createTestDatabase, type TestDatabase } from "../support/database";
import type { GraphQLResponseBody } from "../support/server";

/** pino's level number for `error`: a line at or above it may page someone. */
const ERROR_LEVEL = 50;

/** The real server over the demo records, keys of these labels and roles, and every log line it writes. */
export interface LoggedTestServer {
  url: string;
  origin: string;
  db: TestDatabase;
  auth: Record<string, Record<string, string>>;
  logs: LogLine[];
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLResponseBody<T> }>;
  /** The log lines at level error or above (a client's mistake must write none). */
  errorLines(): LogLine[];
  close(): Promise<void>;
}

export async function startLoggedTestServer(
  keys: Record<string, Role>,
  env: Record<string, string> = {},
): Promise<LoggedTestServer> {
  const db = await createTestDatabase();
  await seedDemoRecords(db.dataSource);
  const auth: Record<string, Record<string, string>> = {};
  for (const [label, role] of Object.entries(keys)) {
    const { secret } = await createApiKey(db.dataSource, { role, label });
    auth[label] = { authorization: `Bearer ${secret}` };
  }
  const logged = await startLoggedServer(db.dataSource, { RATE_LIMIT_REQUESTS: "0", ...env });
  return {
    url: logged.server.url,
    origin: logged.origin,
    db,
    auth,
    logs: logged.logs,
    async graphql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await logged.post({ query, variables }, headers);
      return { status: response.status, body: (await response.json()) as GraphQLResponseBody<T> };
    },
    errorLines: () => logged.logs.filter((line) => line.level >= ERROR_LEVEL),
    async close() {
      await logged.close();
      await db.drop();
    },
  };
}
