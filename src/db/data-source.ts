import "reflect-metadata";
import { DataSource } from "typeorm";
import { entities } from "../entities";
import { HistoryOnCommit } from "../history/record-change";
import { preparingClient } from "./preparing-client";
import { CountingLogger } from "./query-counter";

export interface DataSourceSettings {
  url: string;
  poolMax?: number;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  connectionTimeoutMs?: number;
  applicationName?: string;
  /** Parameterized reads each connection keeps prepared (0: none, every statement parsed and planned each time). */
  preparedStatements?: number;
}

/** The DataSource shared by the server, the CLIs and the tests; migrations are compiled JS under dist/. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  const prepared = settings.preparedStatements ?? 0;
  return new DataSource({
    type: "postgres",
    url: settings.url,
    entities,
    migrations: [`${__dirname}/../../migrations/*.js`],
    migrationsTableName: "migrations",
    subscribers: [HistoryOnCommit],
    synchronize: false,
    logging: ["query"],
    logger: new CountingLogger(),
    extra: {
      ...(prepared > 0 ? { Client: preparingClient(prepared) } : {}),
      max: settings.poolMax ?? 10,
      connectionTimeoutMillis: settings.connectionTimeoutMs ?? 3000,
      statement_timeout: settings.statementTimeoutMs ?? 5000,
      lock_timeout: settings.lockTimeoutMs ?? 1000,
      application_name: settings.applicationName ?? "chancery",
      // TCP keepalive finds connections a network failure killed silently, so the pool drops them.
      keepAlive: true,
    },
  });
}
