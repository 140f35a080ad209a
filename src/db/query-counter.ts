import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger } from "typeorm";

/**
 * Counts the SQL statements run on behalf of one request: every statement goes through TypeORM's
 * logger, which bumps the counter of the request whose async context it runs in. Tests assert
 * these counts (they must grow with query depth, never with page size) and the bench reports them.
 */
export interface QueryCount {
  statements: number;
  /** When present, each statement's text is appended (tests that check what runs, in which order). */
  log?: string[];
}

const currentCount = new AsyncLocalStorage<QueryCount>();

export function countQueries<T>(count: QueryCount, work: () => T): T {
  return currentCount.run(count, work);
}

/** The counter of the request the caller runs on behalf of, if any. */
export function currentQueryCount(): QueryCount | undefined {
  return currentCount.getStore();
}

export class CountingLogger implements TypeOrmLogger {
  logQuery(query: string): void {
    const count = currentCount.getStore();
    if (!count) return;
    count.statements += 1;
    count.log?.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
