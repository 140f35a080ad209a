import type { QueryRunner } from "typeorm";
import type { Logger } from "../logger";

/**
 * Rolls back the runner's open transaction after a failure, never replacing the error that caused it: when the
 * connection was cut (a terminated backend), the rollback fails too — with pg's "not queryable", or TypeORM's
 * "Query runner already released" when pg's error event came first — and that failure, thrown in place of the
 * original, would turn a SERVICE_UNAVAILABLE into an internal error. It is logged at warn instead; PostgreSQL
 * discards the open transaction of a closed connection by itself. The caller rethrows its own error.
 */
export async function rollbackAfterFailure(runner: QueryRunner, log?: Logger): Promise<void> {
  if (!runner.isTransactionActive) return;
  try {
    await runner.rollbackTransaction();
  } catch (rollbackError) {
    log?.warn({ err: rollbackError }, "rollback failed after an error; the error that caused it is answered");
  }
}
