import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type NextFunction, type Request, type Response, Router } from "express";
import type { DataSource } from "typeorm";
import type { AccessGate } from "../auth/access-gate";
import { createRequestContext, type RequestContext } from "../context";
import { countQueries, type QueryCount } from "../db/query-counter";
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

/** `/graphql`: GraphQL over HTTP (POST JSON, GET for queries) served by Apollo. */
export function graphqlRoute(apollo: ApolloServer<RequestContext>, options: GraphqlRouteOptions): Router {
  const router = Router();
  const pipeline = savedQueryPipeline(apollo, options.maxTokens);
  router.use(
    express.json({ limit: options.maxBodyBytes }),
    defaultEmptyBody,
    ...(options.countSqlStatements ? [countSqlStatements] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return createRequestContext(
            options.dataSource,
            String(req.id),
            req.log,
            await options.admit(req, requestDocument(req)),
            pipeline,
          );
        } catch (error) {
          // Apollo formats this error with no context at hand: remember whose it is (masked under this request's id).
          rememberErrorScope(error, { requestId: String(req.id), log: req.log });
          throw withRetryableStatus(error);
        }
      },
    }),
  );
  return router;
}
