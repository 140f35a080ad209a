import { type QueryRunner, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from "typeorm";
import type { Logger } from "../logger";

/** A transaction's own connection, watched for the error that breaks it. */
export interface WatchedConnection {
  /** The error to answer for `error`: the connection's own error when it hides behind a released runner, else `error`. */
  failure(error: unknown): unknown;
  /** Stops watching, and releases the runner unless it is the caller's to release. */
  release(): Promise<void>;
}

/** TypeORM's errors for a statement on a released runner: through the runner itself, or through its manager. */
function isReleasedRunnerError(error: unknown): boolean {
  return error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError;
}

interface ErrorEmitter {
  on(event: "error", listener: (error: unknown) => void): unknown;
  removeListener(event: "error", listener: (error: unknown) => void): unknown;
}

/**
 * Connects the runner and watches its connection. When the connection breaks between two statements (a terminated
 * backend, a network cut), pg reports it only on the connection's error event, TypeORM releases the runner, and the
 * next statement fails with "Query runner already released" (or "…provided by a query runner was already
 * released", through its manager): the cause is hidden and the failure would be answered
 * as an internal error (about one import in three cut by pg_terminate_backend). `failure` gives the connection's
 * own error instead, which database-errors.ts classifies as the database being unavailable.
 */
export async function connectWatched(runner: QueryRunner, callersRunner = false): Promise<WatchedConnection> {
  const connection = (await runner.connect()) as ErrorEmitter;
  let lost: unknown;
  const listener = (error: unknown) => {
    lost ??= error;
  };
  connection.on("error", listener);
  return {
    failure: (error) => (lost !== undefined && isReleasedRunnerError(error) ? lost : error),
    release: () => {
      connection.removeListener("error", listener);
      return callersRunner ? Promise.resolve() : runner.release();
    },
  };
}

/**
 * Rolls back the runner's open transaction after a failure, never replacing the error that caused it: when the
 * connection was cut, the rollback fails too (pg's "not queryable", or TypeORM's "Query runner already released"
 * when pg's error event came first), and that failure, thrown in place of the original, would turn a
 * SERVICE_UNAVAILABLE into an internal error. It is logged at warn instead; PostgreSQL discards the open
 * transaction of a closed connection by itself. The caller rethrows its own error.
 */
export async function rollbackAfterFailure(runner: QueryRunner, log?: Logger): Promise<void> {
  if (!runner.isTransactionActive) return;
  try {
    await runner.rollbackTransaction();
  } catch (rollbackError) {
    log?.warn({ err: rollbackError }, "rollback failed after an error; the error that caused it is answered");
  }
}
