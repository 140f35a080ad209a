import type { EntityManager } from "typeorm";

/**
 * Rows returned by an UPDATE or DELETE ... RETURNING through TypeORM, which answers those commands
 * with `[rows, rowCount]` instead of the rows alone.
 */
export async function changedRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const raw: [T[], number] | T[] = await manager.query(sql, params);
  return Array.isArray(raw[0]) ? (raw[0] as T[]) : (raw as T[]);
}
