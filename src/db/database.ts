import type { DataSource } from "typeorm";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { createDataSource } from "./data-source";
import { startEmbeddedPostgres } from "./embedded-postgres";

/** An open database: the pool, and how to close it (and the embedded server, if we started one). */
export interface Database {
  dataSource: DataSource;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL under `.data/` when it is unset. */
export async function openDatabase(config: Config, log: Logger, applicationName = "chancery"): Promise<Database> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.embeddedDataDir, { log: (line) => log.debug({ postgres: line }) });
  const url = config.databaseUrl ?? embedded!.url;
  const dataSource = createDataSource({
    url,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    lockTimeoutMs: config.dbLockTimeoutMs,
    connectionTimeoutMs: config.dbConnectionTimeoutMs,
    applicationName,
    preparedStatements: config.dbPreparedStatements,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  if (embedded) log.info({ dataDir: config.embeddedDataDir }, "embedded PostgreSQL started");
  return {
    dataSource,
    url,
    embedded: embedded !== undefined,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
