import type { DataSource } from "typeorm";
import { ANONYMOUS, type Viewer } from "./auth/viewer";
import { createLoaders, type Loaders } from "./loaders";
import type { Logger } from "./logger";

/** What every resolver sees for one request. Loaders are per request so batches never leak between users. */
export interface RequestContext {
  dataSource: DataSource;
  loaders: Loaders;
  requestId: string;
  log: Logger;
  viewer: Viewer;
}

export function createRequestContext(
  dataSource: DataSource,
  requestId: string,
  log: Logger,
  viewer: Viewer = ANONYMOUS,
): RequestContext {
  return { dataSource, loaders: createLoaders(dataSource), requestId, log, viewer };
}
