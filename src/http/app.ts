import { createServer } from "node:http";
import { isIPv6 } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { createAccessGate } from "../auth/access-gate";
import type { Config } from "../config";
import type { RequestContext } from "../context";
import { poolSettings } from "../db/database";
import { type Notifications, startNotifications } from "../db/notifications";
import { openReadReplicas, type ReadReplicas } from "../db/read-replicas";
import { checkReadiness, type Readiness } from "../db/readiness";
import { startChangeFeed } from "../live/change-feed";
import type { Logger } from "../logger";
import { createErrorFormatter, type ErrorFormatter } from "../plugins/error-masking";
import { errorScopePlugin } from "../plugins/error-scope.plugin";
import { queryLimitPlugin } from "../plugins/limits";
import { loggingPlugin } from "../plugins/logging.plugin";
import { metricsPlugin } from "../plugins/metrics.plugin";
import { closeRateLimiterOnStop, createRequestRateLimiter } from "../plugins/rate-limit";
import { readRoutingPlugin } from "../plugins/read-routing.plugin";
import { sqlStatementsPlugin } from "../plugins/sql-statements.plugin";
import { unknownInputFieldPlugin } from "../plugins/unknown-input-field.plugin";
import { PersistedQueryCache } from "../saved-queries/persisted-query-cache";
import { safelistPlugin } from "../saved-queries/safelist.plugin";
import { savedQueryLimitsPlugin } from "../saved-queries/saved-query-limits.plugin";
import { buildChancerySchema } from "../schema/build-schema";
import { compiledSchemaGateway } from "./compiled-execution";
import { corsMiddleware } from "./cors";
import { httpErrorHandler } from "./error-handler";
import { graphqlRoute } from "./graphql.route";
import { healthRoutes } from "./health.route";
import { applyHttpTimeouts } from "./http-timeouts";
import { createIdeRouter } from "./ide.route";
import { attachLiveRoute } from "./live.route";
import { metricsRoute } from "./metrics.route";
import { type ChanceryMetrics, createMetrics } from "./metrics-registry";
import { createRequestLogger } from "./request-logger";
import { countHttpResponses } from "./response-metrics";
import { savedQueryRoute } from "./saved-query.route";
import { closeConnectionsWhileDraining, drainHttpServer } from "./shutdown";

export interface ChanceryServer {
  url: string;
  port: number;
  /** Stops accepting connections, drains in-flight requests (up to SHUTDOWN_TIMEOUT_MS), stops Apollo. */
  close(): Promise<void>;
}

export interface AppDeps {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  /** The process's LISTEN connection: other instances' news (a server has one; a CLI running one query does not). */
  notifications?: Notifications;
  /** DATABASE_REPLICA_URLS' replicas, checked by the server (null or absent: every read on the primary). */
  replicas?: ReadReplicas | null;
}

export interface ChanceryApp {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
  /** What the WebSocket route (src/http/live.route.ts) shares with /graphql over HTTP. */
  schema: GraphQLSchema;
  metrics: ChanceryMetrics;
  formatError: ErrorFormatter;
  /** From now on /readyz answers 503 so load balancers stop sending traffic. */
  beginDrain(): void;
}

const READINESS_TIMEOUT_MS = 1000;

/** Every Apollo plugin, in order: request logging, metrics (limits and auth plugins go here too). */
function apolloPlugins(metrics: ChanceryMetrics): ApolloServerPlugin<RequestContext>[] {
  return [
    // First: the request of each error, for formatError (which masks internal errors under the request id).
    errorScopePlugin(),
    loggingPlugin(),
    metricsPlugin(metrics),
    unknownInputFieldPlugin(),
    // Federation traces (ftv1) for a gateway that asks; error messages in them are masked too.
    ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
    // No cache hints are used; the default cache-control plugin wraps every resolver (−11 % CPU per W1 request, bench/NOTES.md).
    ApolloServerPluginCacheControlDisabled(),
  ];
}

function errorFormatter(config: Config, log: Logger): ErrorFormatter {
  return createErrorFormatter({
    log,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    lockTimeoutMs: config.dbLockTimeoutMs,
    connectionTimeoutMs: config.dbConnectionTimeoutMs,
    hideSuggestions: !config.introspection,
  });
}

async function createApollo(
  deps: AppDeps,
  schema: GraphQLSchema,
  formatError: ErrorFormatter,
  plugins: ApolloServerPlugin<RequestContext>[],
): Promise<ApolloServer<RequestContext>> {
  const apollo = new ApolloServer<RequestContext>({
    // The schema, run by graphql-jit (src/http/compiled-execution.ts); Apollo takes an executor only from a gateway.
    gateway: compiledSchemaGateway(schema),
    introspection: deps.config.introspection,
    // Apollo's advice: without introspection, validation errors must not suggest field names ("Did you mean …").
    hideSchemaDetailsFromClientErrors: !deps.config.introspection,
    logger: deps.log,
    // Never a stack in a response, whatever NODE_ENV says (Apollo includes one when it is unset).
    includeStacktraceInErrorResponses: false,
    // Signals are handled by src/cli/start.ts, which drains HTTP first (Apollo's handler would re-raise the signal).
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Saved queries run by their document hash as persisted queries (SAFELIST mode admits exactly those).
    persistedQueries: { cache: new PersistedQueryCache(deps.dataSource) },
    formatError,
    plugins,
  });
  await apollo.start();
  return apollo;
}

/** Builds the express app: probes, metrics and GraphQL at /graphql, every request logged with its id. */
export async function createApp(deps: AppDeps): Promise<ChanceryApp> {
  const replicas = deps.replicas ?? null;
  const metrics = createMetrics(deps.dataSource, replicas);
  const rateLimiter = await createRequestRateLimiter(deps.config, deps.log);
  const schema = await buildChancerySchema();
  const formatError = errorFormatter(deps.config, deps.log);
  const apollo = await createApollo(deps, schema, formatError, [
    closeRateLimiterOnStop(rateLimiter),
    ...apolloPlugins(metrics),
    safelistPlugin(deps.dataSource, deps.config.safelist),
    savedQueryLimitsPlugin(deps.dataSource, deps.config.limits),
    readRoutingPlugin(deps.dataSource, replicas),
    ...(deps.config.exposeSqlStatements ? [sqlStatementsPlugin()] : []),
    queryLimitPlugin<RequestContext>(deps.config.limits),
  ]);
  let draining = false;
  const readiness = async (): Promise<Readiness> => {
    const primary = draining
      ? { ready: false as const, reason: "shutting down" }
      : await checkReadiness(deps.dataSource, READINESS_TIMEOUT_MS);
    return replicas ? { ...primary, replicas: replicas.statuses() } : primary;
  };

  const app = express();
  app.disable("x-powered-by");
  // No ETag on res.send (CSV exports, metrics): the answers change with every write or scrape, and hashing each body costs CPU.
  app.set("etag", false);
  // Decides req.ip, the address rate limits and logs use (TRUST_PROXY; unset, X-Forwarded-For is ignored).
  app.set("trust proxy", deps.config.trustProxy);
  app.use(createRequestLogger(deps.log), countHttpResponses(metrics));
  app.use(closeConnectionsWhileDraining(() => draining));
  app.use(corsMiddleware(deps.config.corsOrigins));
  app.use(healthRoutes(readiness));
  app.use(
    metricsRoute(metrics, {
      dataSource: deps.dataSource,
      token: deps.config.metricsToken,
      requireAuth: deps.config.requireAuth,
    }),
  );
  app.use(createIdeRouter());
  const admit = createAccessGate(deps.dataSource, deps.config, rateLimiter);
  app.use(
    "/graphql",
    graphqlRoute(apollo, {
      dataSource: deps.dataSource,
      maxBodyBytes: deps.config.limits.maxBodyBytes,
      maxTokens: deps.config.limits.maxTokens,
      admit,
      // Read by the sqlStatements extension and the per-operation info log line only.
      countSqlStatements: deps.config.exposeSqlStatements || deps.log.isLevelEnabled("info"),
    }),
  );
  app.use(
    "/saved",
    savedQueryRoute({
      dataSource: deps.dataSource,
      apollo,
      admit,
      maxBodyBytes: deps.config.limits.maxBodyBytes,
      maxTokens: deps.config.limits.maxTokens,
      safelist: deps.config.safelist,
    }),
  );
  app.use(httpErrorHandler);
  return {
    app,
    apollo,
    schema,
    metrics,
    formatError,
    beginDrain() {
      draining = true;
    },
  };
}

/** The host to print in the server's URL: localhost when listening on every interface. */
function urlHost(host: string | undefined): string {
  if (host === undefined || host === "0.0.0.0" || host === "::") return "localhost";
  return isIPv6(host) ? `[${host}]` : host;
}

/** Starts listening; `close` drains in-flight requests, then stops Apollo and the LISTEN connection. */
export async function startServer(appDeps: AppDeps, port = appDeps.config.port): Promise<ChanceryServer> {
  const { config, dataSource, log } = appDeps;
  const notifications = startNotifications({ url: databaseUrlOf(dataSource), log });
  const replicas = openReadReplicas(config.replicas, dataSource, poolSettings(config, "chancery"), log);
  try {
    await replicas?.start();
    return await serve({ ...appDeps, notifications, replicas }, notifications, port);
  } catch (error) {
    await replicas?.close();
    await notifications.close();
    throw error;
  }
}

async function serve(deps: AppDeps, notifications: Notifications, port: number): Promise<ChanceryServer> {
  const { app, apollo, beginDrain, schema, metrics, formatError } = await createApp(deps);
  const server = createServer(app);
  const feed = await startChangeFeed(deps.dataSource, notifications, deps.log);
  const live = attachLiveRoute(server, { ...deps, schema, feed, metrics: metrics.live, formatError });
  applyHttpTimeouts(server, deps.config);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port, host: deps.config.host }, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await live.close();
    feed.close();
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${urlHost(deps.config.host)}:${actualPort}/graphql`,
    port: actualPort,
    async close() {
      beginDrain();
      // Stop listening at once (drainHttpServer closes the listening socket before its first await); then the
      // WebSockets (1001), which would hold the drain open and must close before the pool ends.
      const drained = drainHttpServer(server, deps.config.shutdownTimeoutMs);
      await live.close();
      feed.close();
      const { forced } = await drained;
      if (forced) deps.log.warn({ graceMs: deps.config.shutdownTimeoutMs }, "in-flight requests cut off at shutdown");
      await apollo.stop();
      await deps.replicas?.close();
      await notifications.close();
    },
  };
}

function databaseUrlOf(dataSource: DataSource): string {
  const { url } = dataSource.options as { url?: string };
  if (!url) throw new Error("the DataSource has no url");
  return url;
}
