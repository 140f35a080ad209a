import { Writable } from "node:stream";
import pino from "pino";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../support/database";

/**
 * Chancery's real HTTP server over a database of the test's own, with its log kept in memory: the
 * logging plugin writes one line per operation with `sqlStatements`, which tests read back.
 */
export interface LoggedChancery {
  url: string;
  db: TestDatabase;
  /** The SQL statements the last operation of that name ran, as the server logged them. */
  sqlStatementsOf(operationName: string): number | undefined;
  close(): Promise<void>;
}

interface OperationLine {
  msg?: string;
  operation?: string | null;
  sqlStatements?: number;
}

export async function startChanceryWithSqlLog(prepare?: (db: TestDatabase) => Promise<void>): Promise<LoggedChancery> {
  const db = await createTestDatabase();
  const lines: OperationLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as OperationLine);
      done();
    },
  });
  try {
    await prepare?.(db);
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, PORT: "0", LOG_LEVEL: "info" });
    const server = await startServer({ config, dataSource: db.dataSource, log: pino({ level: "info" }, sink) }, 0);
    return {
      url: server.url,
      db,
      sqlStatementsOf(operationName) {
        return lines.filter((line) => line.operation === operationName && line.sqlStatements !== undefined).at(-1)?.sqlStatements;
      },
      async close() {
        await server.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** POSTs a GraphQL request; the body as JSON. */
export async function postGraphql<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as T;
}
