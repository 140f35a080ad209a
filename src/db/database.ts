import type { DataSource } from "typeorm";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { createDataSource, type DataSourceSettings } from "./data-source";
import { type EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from "./embedded-postgres";
import { readRunningServer, removeRunningServer, writeRunningServer } from "./embedded-postgres-record";

/** An open database: the pool, and how to close it (and the embedded server, if we started one). */
export interface Database {
  dataSource: DataSource;
  url: string;
  /** True when this process started the embedded PostgreSQL (and stops it on close). */
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * `npm start`: record the embedded database's URL for CLIs run meanwhile, and refuse a data
   * directory another running server holds. Without it (CLIs), a running server's database is used.
   */
  serving?: boolean;
}

interface Target {
  url: string;
  embedded?: EmbeddedDatabase;
}

async function embeddedTarget(config: Config, log: Logger, serving: boolean): Promise<Target> {
  const dataDir = config.embeddedDataDir;
  const server = readRunningServer(dataDir);
  if (server && serving) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL in ${dataDir} is in use by another Chancery server (PID ${server.pid}): stop it first (Ctrl+C in its terminal, or kill ${server.pid}), or give this one DATABASE_URL or another EMBEDDED_PG_DIR`,
    );
  }
  if (server) {
    log.info({ serverPid: server.pid, dataDir: server.dataDir }, "using the embedded PostgreSQL of the running server");
    return { url: server.url };
  }
  const embedded = await startEmbeddedPostgres(dataDir, { log: (line) => log.debug({ postgres: line }) });
  if (serving)
    writeRunningServer(dataDir, { pid: process.pid, postgresPid: embedded.pid, url: embedded.url, dataDir: embedded.dataDir });
  for (const note of embedded.placementNotes) log.info(note);
  log.info({ dataDir: embedded.dataDir }, "embedded PostgreSQL started");
  return { url: embedded.url, embedded };
}

/** The pool settings of every connection pool the configuration describes (the primary's, each replica's). */
export function poolSettings(config: Config, applicationName: string): Omit<DataSourceSettings, "url"> {
  return {
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    lockTimeoutMs: config.dbLockTimeoutMs,
    connectionTimeoutMs: config.dbConnectionTimeoutMs,
    applicationName,
    preparedStatements: config.dbPreparedStatements,
  };
}

/** Connects to DATABASE_URL; else to the running server's embedded PostgreSQL, or starts one under `.data/`. */
export async function openDatabase(
  config: Config,
  log: Logger,
  applicationName = "chancery",
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const target = config.databaseUrl ? { url: config.databaseUrl } : await embeddedTarget(config, log, options.serving ?? false);
  const stopEmbedded = async () => {
    if (!target.embedded) return;
    removeRunningServer(config.embeddedDataDir);
    await target.embedded.stop();
  };
  const dataSource = createDataSource({ url: target.url, ...poolSettings(config, applicationName) });
  try {
    await dataSource.initialize();
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
  return {
    dataSource,
    url: target.url,
    embedded: target.embedded !== undefined,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopEmbedded();
    },
  };
}
