import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import express, { type NextFunction, type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import type { AccessGate } from "../auth/access-gate";
import { createRequestContext, type RequestContext } from "../context";
import { countQueries, type QueryCount } from "../db/query-counter";
import { consistencyToken, primaryRetryContext } from "../plugins/read-routing.plugin";
import { requestDocument } from "../plugins/token-limit";
import { savedQueryPipeline } from "../saved-queries/saved-query-pipeline";
import { rememberErrorScope } from "./request-scope";
import { withRetryableStatus } from "./retryable-status";

export interface GraphqlRouteOptions {
  dataSource: DataSource;
  maxBodyBytes: number;
  /** MAX_QUERY_TOKENS, for the saved documents `runSavedQuery` runs. */
  maxTokens: number;
  /** Resolves the API key and spends the rate limit (src/auth/access-gate.ts); throws UNAUTHENTICATED or RATE_LIMITED. */
  admit: AccessGate;
  /**
   * Count each request's SQL statements (an AsyncLocalStorage context per request, ~10 % of the CPU of a
   * canonical-question request): only when something reads the count (EXPOSE_SQL_STATEMENTS, info logs).
   */
  countSqlStatements: boolean;
}

/** Counts the SQL statements the rest of the request runs (logged per operation, asserted by tests). */
function countSqlStatements(_req: Request, _res: Response, next: NextFunction): void {
  const count: QueryCount = { statements: 0 };
  countQueries(count, () => next());
}

// Apollo answers 500 when nothing parsed the body (a POST that is not JSON); an empty body lets it
// answer what it should instead: a 400 (CSRF prevention or "POST body missing").
function defaultEmptyBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined) req.body = {};
  next();
}

async function send(res: Response, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    // Node's own end: Apollo has set the content type, and express's res.send would only look for an ETag and
    // a conditional GET, which GraphQL answers have neither of.
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** `/graphql`: GraphQL over HTTP (POST JSON, GET for queries) served by Apollo. */
export function graphqlRoute(apollo: ApolloServer<RequestContext>, options: GraphqlRouteOptions): Router {
  const router = Router();
  const pipeline = savedQueryPipeline(apollo, options.maxTokens);
  const context = async (req: Request): Promise<RequestContext> => {
    try {
      const token = consistencyToken(req.headers);
      const viewer = await options.admit(req, requestDocument(req));
      const created = createRequestContext(options.dataSource, String(req.id), req.log, viewer, pipeline);
      created.reads.token = token;
      return created;
    } catch (error) {
      // Apollo formats this error with no context at hand: remember whose it is (masked under this request's id).
      rememberErrorScope(error, { requestId: String(req.id), log: req.log });
      throw withRetryableStatus(error);
    }
  };
  // What @as-integrations/express5 does, plus one thing: a query whose replica failed under it runs once
  // more on the primary (same viewer, no second admission), and only that answer is sent.
  const serve = async (req: Request, res: Response): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const httpGraphQLRequest = {
      method: req.method.toUpperCase(),
      headers,
      search: req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "",
      body: req.body,
    };
    let first: RequestContext | undefined;
    let response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => (first = await context(req)),
    });
    if (first?.reads.replicaFailed) {
      const retry = primaryRetryContext(first, options.dataSource);
      response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => retry });
    }
    await send(res, response);
  };
  router.use(
    express.json({ limit: options.maxBodyBytes }),
    defaultEmptyBody,
    ...(options.countSqlStatements ? [countSqlStatements] : []),
    (req: Request, res: Response, next: NextFunction) => serve(req, res).catch(next),
  );
  return router;
}
