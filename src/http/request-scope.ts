import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../logger";

/** What code deep in a request (error formatting, plugins) may need without being handed the request. */
export interface RequestScope {
  requestId: string;
  log: Logger;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The scope of the request the caller runs on behalf of, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** Express middleware (after the request logger): runs the rest of the request inside its scope. */
export function bindRequestScope(req: Request, _res: Response, next: NextFunction): void {
  scopes.run({ requestId: String(req.id), log: req.log }, next);
}
