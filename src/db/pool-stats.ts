import type { Pool } from "pg";
import type { DataSource } from "typeorm";
import { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";

/** How busy the pg pool under TypeORM's driver is (what /metrics reports). */
export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Callers queued for a connection. */
  waiting: number;
  max: number;
}

function pgPool(dataSource: DataSource): Pool | undefined {
  if (!dataSource.isInitialized || !(dataSource.driver instanceof PostgresDriver)) return undefined;
  const pool: Pool | undefined = dataSource.driver.master;
  return pool;
}

export function poolStats(dataSource: DataSource): PoolStats | undefined {
  const pool = pgPool(dataSource);
  if (!pool) return undefined;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}
