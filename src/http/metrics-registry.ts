import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import { poolStats } from "../db/pool-stats";
import type { QueryCount } from "../db/query-counter";
import { type ReadReplicas, redactUrl } from "../db/read-replicas";

/**
 * The Prometheus families of one server. A registry per server (not prom-client's global one), so
 * tests can run several servers in one process. Operation names come from clients: the number of
 * distinct label values is capped so a hostile client cannot blow up memory.
 */
export interface ChanceryMetrics {
  registry: Registry;
  requests: Counter<"operation" | "outcome">;
  duration: Histogram<"operation">;
  errors: Counter<"code">;
  httpResponses: Counter<"route" | "status">;
  operationLabel(name: string | null | undefined): string;
  live: LiveMetrics;
}

/** Live updates (src/http/live.route.ts). */
export interface LiveMetrics {
  connections: Gauge;
  subscriptions: Gauge;
  delivered: Counter;
  /** From the change's transaction to the event handed to the socket. */
  lagSeconds: Histogram;
  /** Bumped by every SQL statement run for subscriptions (src/live/multiplexer.ts counts under it). */
  statements: QueryCount;
}

function createLiveMetrics(registry: Registry): LiveMetrics {
  const statements: QueryCount = { statements: 0 };
  new Counter({
    name: "chancery_live_sql_statements_total",
    help: "SQL statements run to open subscriptions and build their events",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(statements.statements);
    },
  });
  return {
    statements,
    connections: new Gauge({ name: "chancery_live_connections", help: "Open WebSocket connections", registers: [registry] }),
    subscriptions: new Gauge({ name: "chancery_live_subscriptions", help: "Open subscriptions", registers: [registry] }),
    delivered: new Counter({
      name: "chancery_live_changes_delivered_total",
      help: "Changes sent to subscribers (one per subscription that received it)",
      registers: [registry],
    }),
    lagSeconds: new Histogram({
      name: "chancery_live_delivery_lag_seconds",
      help: "From a change's transaction to its event handed to a subscriber's socket",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 60],
      registers: [registry],
    }),
  };
}

const MAX_OPERATION_LABELS = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

function operationLabeller(): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return "anonymous";
    if (!GRAPHQL_NAME.test(name)) return "invalid";
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return "other";
    seen.add(name);
    return name;
  };
}

function registerPoolGauges(registry: Registry, dataSource: DataSource): void {
  const gauge = (name: string, help: string, read: (stats: NonNullable<ReturnType<typeof poolStats>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = poolStats(dataSource);
        this.set(stats ? read(stats) : 0);
      },
    });
  gauge("chancery_db_pool_connections_total", "Connections the pool holds open (busy or idle)", (stats) => stats.total);
  gauge("chancery_db_pool_connections_idle", "Open connections not in use", (stats) => stats.idle);
  gauge("chancery_db_pool_waiting_requests", "Callers queued for a free connection", (stats) => stats.waiting);
  gauge("chancery_db_pool_max_connections", "The pool's size limit (DB_POOL_MAX)", (stats) => stats.max);
}

/** Each replica's state, lag and reads, read from the replica set when Prometheus scrapes. */
function registerReplicaMetrics(registry: Registry, replicas: ReadReplicas): void {
  const labelled = { labelNames: ["replica"] as const, registers: [registry] };
  new Gauge({
    name: "chancery_replica_up",
    help: "1 while the read replica is in rotation, 0 while it is down or lagging",
    ...labelled,
    collect() {
      for (const replica of replicas.replicas) this.set({ replica: redactUrl(replica.url) }, replica.state === "up" ? 1 : 0);
    },
  });
  new Gauge({
    name: "chancery_replica_lag_seconds",
    help: "How far the read replica is behind the primary (NaN while it is down)",
    ...labelled,
    collect() {
      for (const replica of replicas.replicas)
        this.set({ replica: redactUrl(replica.url) }, replica.lagMs === null ? Number.NaN : replica.lagMs / 1000);
    },
  });
  new Counter({
    name: "chancery_replica_reads_total",
    help: "GraphQL queries whose reads the read replica served",
    ...labelled,
    collect() {
      this.reset();
      for (const replica of replicas.replicas) this.inc({ replica: redactUrl(replica.url) }, replica.reads);
    },
  });
}

export function createMetrics(dataSource: DataSource, replicas: ReadReplicas | null = null): ChanceryMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "chancery_" });
  registerPoolGauges(registry, dataSource);
  if (replicas) registerReplicaMetrics(registry, replicas);
  return {
    registry,
    live: createLiveMetrics(registry),
    requests: new Counter({
      name: "chancery_graphql_requests_total",
      help: "GraphQL requests by operation name and outcome (success, error)",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "chancery_graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its response, by operation name",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "chancery_graphql_errors_total",
      help: "Errors sent to clients, by extensions.code",
      labelNames: ["code"],
      registers: [registry],
    }),
    httpResponses: new Counter({
      name: "chancery_http_responses_total",
      help: "HTTP responses by route (/graphql, /saved, /healthz, ...) and status code, refusals before GraphQL included",
      labelNames: ["route", "status"],
      registers: [registry],
    }),
    operationLabel: operationLabeller(),
  };
}
