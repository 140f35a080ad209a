import type { Logger } from "../logger";

/** What code deep in a request (error formatting) may need without being handed the request. */
export interface RequestScope {
  requestId: string;
  log: Logger;
}

/**
 * The request each error was raised in, remembered by the code that sees both (the error-scope plugin for
 * errors of an operation, the /graphql context function for errors while building the context), so Apollo's
 * `formatError`, which is handed the error alone, can mask it under the request's id. A map from error
 * rather than an AsyncLocalStorage context per request: that cost ~13 % of the Node CPU of a
 * canonical-question request (every promise of the request paid for it).
 */
const scopes = new WeakMap<object, RequestScope>();

export function rememberErrorScope(error: unknown, scope: RequestScope): void {
  if (typeof error === "object" && error !== null) scopes.set(error, scope);
}

/** The scope remembered for the error or for any error it wraps (`originalError`), if any. */
export function errorScope(error: unknown): RequestScope | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && typeof current === "object" && current !== null; depth += 1) {
    const scope = scopes.get(current);
    if (scope) return scope;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}
