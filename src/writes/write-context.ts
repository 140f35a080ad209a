import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { RequestContext } from "../context";
import { clientError, ErrorCode } from "../errors";
import type { ChangeActor } from "../history/record-change";
import { createLoaders } from "../loaders";

/** What every write function gets: the transaction's manager and who is writing (for the history). */
export interface WriteContext {
  manager: EntityManager;
  actor: ChangeActor;
}

/** The history's actor for a request: the API key's label, else "anonymous". */
export function actorOf(viewer: Viewer): ChangeActor {
  return { label: viewer.label ?? "anonymous", apiKeyId: viewer.apiKeyId };
}

function postgresCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Runs one write in one transaction: all of it commits, or nothing does. Races that the checks before
 * the write cannot see (a concurrent insert of the same key, a serialization failure) become CONFLICT.
 * A lock held too long is left to the one classifier of database failures (src/db/database-errors.ts,
 * answered by the error formatter: CONFLICT, reason LOCK_TIMEOUT, retryable), as for imports; a record
 * lock is answered by lockRecord with the record's current version too.
 */
export async function runWrite<T>(
  dataSource: DataSource,
  actor: ChangeActor,
  write: (context: WriteContext) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction((manager) => write({ manager, actor }));
  } catch (error) {
    const code = postgresCode(error);
    if (code === "23505")
      throw clientError(ErrorCode.CONFLICT, "a record with this key was written concurrently; reload and retry");
    if (code === "40001" || code === "40P01") {
      throw clientError(ErrorCode.CONFLICT, "the record is being changed by another writer; reload and retry");
    }
    throw error;
  }
}

/**
 * Runs a mutation's write for the request's viewer, in one transaction. The request's DataLoaders are
 * replaced afterwards: rows they cached before this write (an earlier mutation of the same document)
 * must not answer the fields of what this one returns.
 */
export async function writeAs<T>(request: RequestContext, write: (context: WriteContext) => Promise<T>): Promise<T> {
  const result = await runWrite(request.dataSource, actorOf(request.viewer), write);
  request.loaders = createLoaders(request.dataSource);
  return result;
}
