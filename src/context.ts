import type { DataSource } from "typeorm";
import { ANONYMOUS, type Viewer } from "./auth/viewer";
import type { Replica } from "./db/read-replicas";
import { createLoaders, type Loaders } from "./loaders";
import type { Logger } from "./logger";
import type { SavedQueryPipeline } from "./saved-queries/saved-query-pipeline";

/** What every resolver sees for one request. Loaders are per request so batches never leak between users. */
export interface RequestContext {
  /** The primary, or the replica a query's reads were routed to (src/plugins/read-routing.plugin.ts). */
  dataSource: DataSource;
  loaders: Loaders;
  requestId: string;
  log: Logger;
  viewer: Viewer;
  /** Runs a saved query through the server's request pipeline (null where there is no server, e.g. the CLI). */
  savedQueryPipeline: SavedQueryPipeline | null;
  /** The saved query whose document this context runs (null for a client's own document): it may not start another. */
  insideSavedQuery: string | null;
  /** SAFELIST holds this client to approved saved queries (set by the safelist plugin). */
  approvedSavedQueriesOnly: boolean;
  reads: ReadRouting;
}

/** Where a request's reads run: decided per operation by src/plugins/read-routing.plugin.ts. */
export interface ReadRouting {
  /** The x-chancery-consistency token presented: the reads see at least that write. */
  token: bigint | null;
  /** The replica serving the reads; null: the primary. */
  replica: Replica | null;
  /** The replica failed under this request: /graphql runs it once more on the primary. */
  replicaFailed: boolean;
  /** Keep the reads on the primary (that second run). */
  primaryOnly: boolean;
}

export function createRequestContext(
  dataSource: DataSource,
  requestId: string,
  log: Logger,
  viewer: Viewer = ANONYMOUS,
  savedQueryPipeline: SavedQueryPipeline | null = null,
): RequestContext {
  return {
    dataSource,
    // Cheap: each loader is made on its first use (src/loaders/index.ts).
    loaders: createLoaders(dataSource),
    requestId,
    log,
    viewer,
    savedQueryPipeline,
    insideSavedQuery: null,
    approvedSavedQueriesOnly: false,
    reads: { token: null, replica: null, replicaFailed: false, primaryOnly: false },
  };
}
