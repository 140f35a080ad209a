import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { createRequestContext, type RequestContext } from "../context";
import { countQueries, type QueryCount } from "../db/query-counter";
import type { Logger } from "../logger";
import { buildChancerySchema } from "../schema/build-schema";

export interface ChanceryServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface AppDeps {
  config: Config;
  dataSource: DataSource;
  log: Logger;
}

/** Builds the express app: GraphQL at /graphql. */
export async function createApp(deps: AppDeps): Promise<{ app: express.Express; apollo: ApolloServer<RequestContext> }> {
  const schema = await buildChancerySchema();
  const apollo = new ApolloServer<RequestContext>({ schema, introspection: deps.config.introspection });
  await apollo.start();
  const app = express();
  app.disable("x-powered-by");
  app.use("/graphql", express.json({ limit: "1mb" }), (req, res, next) => {
    const count: QueryCount = { statements: 0 };
    res.on("finish", () => deps.log.debug({ sqlStatements: count.statements }, "request done"));
    countQueries(count, () => next());
  });
  app.use(
    "/graphql",
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = String(req.headers["x-request-id"] ?? randomUUID());
        return createRequestContext(deps.dataSource, requestId, deps.log.child({ requestId }));
      },
    }),
  );
  return { app, apollo };
}

/** Starts listening; `close` drains in-flight requests, then stops Apollo. */
export async function startServer(deps: AppDeps, port = deps.config.port): Promise<ChanceryServer> {
  const { app, apollo } = await createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, () => resolve(listening));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}/graphql`,
    port: actualPort,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
