import { Writable } from "node:stream";
import pino from "pino";
import type { DataSource } from "typeorm";
import { loadConfig } from "../../src/config";
import { type ChanceryServer, startServer } from "../../src/http/app";

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; level: number };

/** The real server on a free port over a given DataSource, its log lines kept in memory for assertions. */
export interface LoggedServer {
  server: ChanceryServer;
  origin: string;
  logs: LogLine[];
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startLoggedServer(dataSource: DataSource, env: Record<string, string> = {}): Promise<LoggedServer> {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({ ...process.env, LOG_LEVEL: "info", ...env, PORT: "0" });
  const log = pino({ level: config.logLevel }, sink);
  const server = await startServer({ config, dataSource, log }, 0);
  const origin = new URL(server.url).origin;
  return {
    server,
    origin,
    logs,
    post: (body, headers = {}) =>
      fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    close: () => server.close(),
  };
}
