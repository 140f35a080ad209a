import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { ExecutionResult, FormattedExecutionResult, GraphQLSchema } from "graphql";
import { type Extra, useServer as serveGraphqlWs } from "graphql-ws/use/ws";
import type { DataSource } from "typeorm";
import { type WebSocket, WebSocketServer } from "ws";
import { resolveViewer } from "../auth/resolve-viewer";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { createRequestContext } from "../context";
import { clientError, ErrorCode } from "../errors";
import type { ChangeFeed } from "../live/change-feed";
import type { LiveContext } from "../live/live-scope";
import { multiplexedSubscribe } from "../live/multiplexer";
import { subscriptionChecker } from "../live/operation-checks";
import type { Logger } from "../logger";
import type { ErrorFormatter } from "../plugins/error-masking";
import type { LiveMetrics } from "./metrics-registry";

/** Close codes of a live connection (docs/api.md, "Subscriptions"). */
export const LiveCloseCode = {
  shuttingDown: 1001,
  unauthorised: 4401,
  slowConsumer: 4413,
  tooMany: 4429,
} as const;

export interface LiveDeps {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  schema: GraphQLSchema;
  feed: ChangeFeed;
  metrics: LiveMetrics;
  formatError: ErrorFormatter;
}

export interface LiveRoute {
  /** Closes every socket with 1001 and stops accepting new ones. */
  close(): Promise<void>;
}

/** Who each socket belongs to, once its connection_init was accepted. */
interface Connection {
  viewer: Viewer;
  address: string;
}

/** Counts open sockets per key or address; `take` refuses above `max`. */
class Counts {
  private readonly counts = new Map<string, number>();
  take(key: string, max: number): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= max) return false;
    this.counts.set(key, count + 1);
    return true;
  }
  give(key: string): void {
    const count = (this.counts.get(key) ?? 1) - 1;
    if (count <= 0) this.counts.delete(key);
    else this.counts.set(key, count);
  }
}

function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === "string" ? value : undefined;
}

/**
 * GraphQL subscriptions over WebSocket at /graphql (graphql-ws protocol) on the HTTP server: the API key in
 * `connectionParams.authorization`, checked at connection and every LIVE_KEY_CHECK_MS; the same document rules
 * as queries (src/live/operation-checks.ts); limits per connection, key and address; one change feed for all.
 */
export function attachLiveRoute(server: Server, deps: LiveDeps): LiveRoute {
  const { config, dataSource, log, metrics } = deps;
  const settings = config.live;
  const wss = new WebSocketServer({ server, path: "/graphql", maxPayload: config.limits.maxBodyBytes });
  const connections = new Map<WebSocket, Connection>();
  const perKey = new Counts();
  const perAddress = new Counts();
  const check = subscriptionChecker(deps.schema, config);

  const withFormattedErrors = ({ errors, ...rest }: ExecutionResult): FormattedExecutionResult =>
    errors ? { ...rest, errors: errors.map((error) => deps.formatError(error.toJSON(), error)) } : rest;
  // A result shared by many subscriptions is serialised once, as the tail of its `next` message (the
  // payload and the closing brace) in bytes, which each subscription's prefix (its id) is put before.
  const serialised = new WeakMap<ExecutionResult, Buffer>();
  const messageTailOf = (result: ExecutionResult): Buffer => {
    let bytes = serialised.get(result);
    if (bytes === undefined) {
      bytes = Buffer.from(`${JSON.stringify(withFormattedErrors(result))}}`);
      serialised.set(result, bytes);
    }
    return bytes;
  };

  const refuse = (ctx: { extra: Extra }, code: number, reason: string): false => {
    // A close reason is at most 123 bytes.
    ctx.extra.socket.close(code, reason.slice(0, 120));
    return false;
  };

  const disposable = serveGraphqlWs<Record<string, unknown> | undefined>(
    {
      schema: deps.schema,
      subscribe: multiplexedSubscribe(metrics.statements),
      async onConnect(ctx) {
        const address = ctx.extra.request.socket.remoteAddress ?? "unknown";
        let viewer: Viewer;
        try {
          viewer = await resolveViewer(dataSource, authorizationOf(ctx.connectionParams), { requireAuth: config.requireAuth });
        } catch (error) {
          return refuse(ctx, LiveCloseCode.unauthorised, (error as Error).message);
        }
        if (!perAddress.take(address, settings.maxConnectionsPerAddress)) {
          return refuse(
            ctx,
            LiveCloseCode.tooMany,
            `too many connections from this address (LIVE_MAX_CONNECTIONS_PER_ADDRESS ${settings.maxConnectionsPerAddress})`,
          );
        }
        if (viewer.apiKeyId !== null && !perKey.take(String(viewer.apiKeyId), settings.maxConnectionsPerKey)) {
          perAddress.give(address);
          return refuse(
            ctx,
            LiveCloseCode.tooMany,
            `too many connections with this API key (LIVE_MAX_CONNECTIONS_PER_KEY ${settings.maxConnectionsPerKey})`,
          );
        }
        connections.set(ctx.extra.socket, { viewer, address });
        metrics.connections.inc();
        return true;
      },
      async onClose(ctx) {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return;
        connections.delete(ctx.extra.socket);
        perAddress.give(connection.address);
        if (connection.viewer.apiKeyId !== null) perKey.give(String(connection.viewer.apiKeyId));
        metrics.connections.dec();
      },
      async onSubscribe(ctx, id, payload) {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return void refuse(ctx, LiveCloseCode.unauthorised, "the connection is not authorised");
        if (Object.keys(ctx.subscriptions).length > settings.maxSubscriptionsPerConnection) {
          refuse(
            ctx,
            LiveCloseCode.tooMany,
            `too many subscriptions on this connection (LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION ${settings.maxSubscriptionsPerConnection})`,
          );
          return [clientError(ErrorCode.QUERY_TOO_COMPLEX, "too many subscriptions on this connection")];
        }
        const checked = await check(payload, connection.viewer);
        if ("refused" in checked) return checked.refused;
        const { document, variables, operationName } = checked;
        return {
          schema: deps.schema,
          document,
          variableValues: variables,
          operationName,
          contextValue: liveContext(ctx, id, connection.viewer),
        };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        return withFormattedErrors(result);
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => deps.formatError(error.toJSON(), error));
      },
    },
    wss,
    settings.keepAliveMs,
  );

  const liveContext = (ctx: { extra: Extra }, id: string, viewer: Viewer): LiveContext => {
    const { socket, request } = ctx.extra;
    const nextPrefix = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
    let unsent = 0;
    const written = () => {
      unsent -= 1;
    };
    const sendOne = (result: ExecutionResult) => {
      unsent += 1;
      socket.send(Buffer.concat([nextPrefix, messageTailOf(result)]), { binary: false }, written);
    };
    return {
      ...createRequestContext(dataSource, randomUUID(), log, viewer),
      live: {
        feed: deps.feed,
        bufferLimit: settings.subscriberBuffer,
        onOverflow: () =>
          socket.close(LiveCloseCode.slowConsumer, "slow consumer: too many changes unsent; subscribe again with after"),
        onDeliver: ({ change }) => {
          metrics.delivered.inc();
          metrics.lagSeconds.observe(Math.max(0, Date.now() - change.occurredAt.getTime()) / 1000);
        },
        // The upgraded request's TCP socket is the one ws writes to: corked, the messages leave in one write.
        sendNext: (results) => {
          request.socket.cork();
          for (const result of results) sendOne(result);
          request.socket.uncork();
        },
        unsent: () => unsent,
        onOpen: () => metrics.subscriptions.inc(),
        onEnd: () => metrics.subscriptions.dec(),
      },
    };
  };

  // A revoked key's connections are closed within LIVE_KEY_CHECK_MS.
  const keyCheck = setInterval(() => void closeRevoked(), settings.keyCheckMs);
  keyCheck.unref();
  const closeRevoked = async () => {
    const keyIds = [
      ...new Set([...connections.values()].flatMap(({ viewer }) => (viewer.apiKeyId === null ? [] : [viewer.apiKeyId]))),
    ];
    if (keyIds.length === 0) return;
    try {
      const live: { id: number }[] = await dataSource.query(
        "SELECT id FROM api_key WHERE id = ANY($1::int[]) AND revoked_at IS NULL",
        [keyIds],
      );
      const valid = new Set(live.map((row) => row.id));
      for (const [socket, { viewer }] of connections) {
        if (viewer.apiKeyId !== null && !valid.has(viewer.apiKeyId))
          socket.close(LiveCloseCode.unauthorised, "the API key was revoked");
      }
    } catch (error) {
      log.warn({ err: (error as Error).message }, "live updates could not check API keys; trying again later");
    }
  };

  return {
    async close() {
      clearInterval(keyCheck);
      for (const client of wss.clients) client.close(LiveCloseCode.shuttingDown, "server shutting down");
      await disposable.dispose();
    },
  };
}
