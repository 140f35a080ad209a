import { createServer } from "node:http";
import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { readHttpTimeouts } from "../config";
import { applyHttpTimeouts } from "../http/http-timeouts";
import { drainHttpServer } from "../http/shutdown";
import type { Logger } from "../logger";
import { composeSupergraph } from "./compose-supergraph";
import type { SubgraphEndpoint } from "./gateway-config";
import { createGatewayErrorFormatter } from "./gateway-errors";

export interface GatewayContext {
  authorization?: string;
  requestId?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  supergraphSdl: string;
  close(): Promise<void>;
}

/** Passes the client's API key and request id on to every subgraph, so each applies its own access rules. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (typeof context.authorization === "string") request.http?.headers.set("authorization", context.authorization);
    if (typeof context.requestId === "string") request.http?.headers.set("x-request-id", context.requestId);
  }
}

/** Ready while every subgraph answers a trivial query. */
async function subgraphsAnswer(subgraphs: SubgraphEndpoint[]): Promise<boolean> {
  const answers = await Promise.all(
    subgraphs.map((subgraph) =>
      fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
        signal: AbortSignal.timeout(2000),
      }).then(
        (response) => response.ok,
        () => false,
      ),
    ),
  );
  return answers.every(Boolean);
}

/**
 * Composes the subgraphs once (throws `CompositionError` with the whole report) and serves the
 * supergraph at /graphql, with /healthz and /readyz like the subgraph.
 */
export async function startGateway(options: {
  subgraphs: SubgraphEndpoint[];
  port: number;
  log: Logger;
  /** Keep-alive and headers timeouts (default: the service's defaults). */
  timeouts?: { keepAliveTimeoutMs: number; headersTimeoutMs: number };
}): Promise<RunningGateway> {
  const supergraphSdl = await composeSupergraph(options.subgraphs);
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ url }) => new ForwardingDataSource({ url }) });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Never a stack in a response, whatever NODE_ENV says, nor a "Did you mean" that spells out the schema.
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: createGatewayErrorFormatter(options.log),
    // Signals are handled by src/cli/gateway.ts, which drains HTTP first (Apollo's handler would re-raise the signal).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = await subgraphsAnswer(options.subgraphs);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "a subgraph does not answer" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        authorization: req.headers.authorization,
        requestId: typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : undefined,
      }),
    }),
  );
  const server = createServer(app);
  applyHttpTimeouts(server, options.timeouts ?? readHttpTimeouts({}));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  options.log.info({ subgraphs: options.subgraphs }, "gateway composed");
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    supergraphSdl,
    async close() {
      await drainHttpServer(server, 10_000);
      await apollo.stop();
    },
  };
}
