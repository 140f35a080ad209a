/**
 * The one place environment variables are read. Every variable is validated at start-up; a bad
 * value stops the process with one line naming the variable and what it accepts.
 */
import { existsSync } from "node:fs";
import { isIP } from "node:net";

export interface Config {
  databaseUrl: string | undefined;
  /** HOST: the address to listen on; undefined listens on every interface. */
  host: string | undefined;
  port: number;
  /** KEEP_ALIVE_TIMEOUT_MS: how long an idle keep-alive connection stays open; above a load balancer's idle timeout. */
  keepAliveTimeoutMs: number;
  /** HEADERS_TIMEOUT_MS: how long a client may take to send a request's headers; defaults to 1 s above the keep-alive timeout. */
  headersTimeoutMs: number;
  logLevel: string;
  migrate: boolean;
  /** SEED_DEMO: load the demo records into an empty database; defaults to true outside production. */
  seedDemo: boolean;
  dbPoolMax: number;
  dbStatementTimeoutMs: number;
  /** An import's transaction runs under this statement timeout instead (0: none). */
  importStatementTimeoutMs: number;
  dbLockTimeoutMs: number;
  /** Parameterized reads each pool connection keeps prepared; 0 turns prepared statements off (e.g. behind PgBouncer < 1.21 in transaction mode). */
  dbPreparedStatements: number;
  dbConnectionTimeoutMs: number;
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for in-flight requests before cutting them off. */
  shutdownTimeoutMs: number;
  requireAuth: boolean;
  safelist: boolean;
  /** METRICS_TOKEN: the bearer token /metrics asks for; unset, /metrics asks for an ADMIN key under REQUIRE_AUTH, else nothing. */
  metricsToken: string | null;
  corsOrigins: string[];
  introspection: boolean;
  production: boolean;
  embeddedDataDir: string;
  limits: Limits;
  /** EXPOSE_SQL_STATEMENTS: put the request's SQL statement count in `extensions.sqlStatements` (tests, bench). */
  exposeSqlStatements: boolean;
  /** REDIS_URL: rate limits counted in this Redis, shared by every instance; null: in this process's memory. */
  redisUrl: string | null;
  /** REDIS_KEY_PREFIX: the prefix of the rate-limit keys in Redis (deployments sharing one Redis use different ones). */
  redisKeyPrefix: string;
  /** TRUST_PROXY: express's `trust proxy` (false, true, a hop count, or addresses/CIDRs); decides `req.ip`. */
  trustProxy: boolean | number | string[];
  /** Read replicas (DATABASE_REPLICA_URLS, REPLICA_MAX_LAG_MS, REPLICA_CHECK_INTERVAL_MS); no URLs: every read on the primary. */
  replicas: ReplicaSettings;
  live: LiveSettings;
}

export interface ReplicaSettings {
  urls: string[];
  /** A replica further behind the primary than this leaves the rotation until it catches up. */
  maxLagMs: number;
  /** How often each replica's state and lag are checked. */
  checkIntervalMs: number;
}

/** Live updates over WebSocket (docs/api.md, "Subscriptions"). */
export interface LiveSettings {
  /** LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: open subscriptions one WebSocket may hold (4429 above). */
  maxSubscriptionsPerConnection: number;
  /** LIVE_MAX_CONNECTIONS_PER_KEY: WebSockets open at once with one API key (4429 above). */
  maxConnectionsPerKey: number;
  /** LIVE_MAX_CONNECTIONS_PER_ADDRESS: WebSockets open at once from one client address (4429 above). */
  maxConnectionsPerAddress: number;
  /** LIVE_SUBSCRIBER_BUFFER: changes a subscription may hold unsent before it is closed as a slow consumer (4413). */
  subscriberBuffer: number;
  /** LIVE_KEEPALIVE_MS: how often the server pings each WebSocket. */
  keepAliveMs: number;
  /** LIVE_KEY_CHECK_MS: how often each connection's API key is checked again (revoked: closed with 4401). */
  keyCheckMs: number;
}

function readLive(env: NodeJS.ProcessEnv): LiveSettings {
  return {
    maxSubscriptionsPerConnection: readInt(env, "LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, 1, 10_000),
    maxConnectionsPerKey: readInt(env, "LIVE_MAX_CONNECTIONS_PER_KEY", 20, 1, 100_000),
    maxConnectionsPerAddress: readInt(env, "LIVE_MAX_CONNECTIONS_PER_ADDRESS", 100, 1, 100_000),
    subscriberBuffer: readInt(env, "LIVE_SUBSCRIBER_BUFFER", 1000, 1, 1_000_000),
    keepAliveMs: readInt(env, "LIVE_KEEPALIVE_MS", 12_000, 1000, 600_000),
    keyCheckMs: readInt(env, "LIVE_KEY_CHECK_MS", 30_000, 100, 3_600_000),
  };
}

/** Query and traffic limits (docs/api.md, "Limits", gives the anchor of each default). */
export interface Limits {
  /** MAX_QUERY_DEPTH: deepest field nesting; introspection-only operations are exempt. */
  maxDepth: number;
  /** MAX_QUERY_NODES: estimated nodes, every list counting its `first`/`last` (or 20) down the tree. */
  maxNodes: number;
  /** MAX_QUERY_ALIASES: aliased fields per operation. */
  maxAliases: number;
  /** MAX_QUERY_DIRECTIVES: directive uses per operation. */
  maxDirectives: number;
  /** MAX_QUERY_TOKENS: lexical tokens in the document. */
  maxTokens: number;
  /** MAX_INPUT_DEPTH: nesting of list and object arguments (literals or variables), e.g. `not`/`and` filters. */
  maxInputDepth: number;
  /** MAX_BODY_BYTES: request body on /graphql (413 above). */
  maxBodyBytes: number;
  /** RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS, per API key or client address; 0 turns it off. */
  rateLimitRequests: number;
  rateLimitWindowSeconds: number;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
  }
  return value;
}

function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["true", "1", "yes"].includes(raw.toLowerCase())) return true;
  if (["false", "0", "no"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} must be true or false`);
}

function checkPostgresUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected postgres://user@host:port/database)`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`${name} must start with postgres:// (got ${url.protocol}//)`);
  }
  return raw;
}

function readDatabaseUrl(env: NodeJS.ProcessEnv, production: boolean): string | undefined {
  const raw = env.DATABASE_URL;
  if ((raw === undefined || raw === "") && production) {
    throw new ConfigError("DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development)");
  }
  if (raw === undefined || raw === "") return undefined;
  return checkPostgresUrl("DATABASE_URL", raw);
}

function readReplicas(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): ReplicaSettings {
  const urls = (env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean)
    .map((url, index) => checkPostgresUrl(`DATABASE_REPLICA_URLS (URL ${index + 1})`, url));
  if (urls.length > 0 && databaseUrl === undefined) {
    throw new ConfigError("DATABASE_REPLICA_URLS needs DATABASE_URL (replicas follow a primary the embedded PostgreSQL is not)");
  }
  return {
    urls,
    maxLagMs: readInt(env, "REPLICA_MAX_LAG_MS", 5000, 0, 3_600_000),
    checkIntervalMs: readInt(env, "REPLICA_CHECK_INTERVAL_MS", 1000, 50, 600_000),
  };
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/;

function readHost(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.HOST;
  if (raw === undefined || raw === "") return undefined;
  if (isIP(raw) === 0 && !HOST_NAME.test(raw)) {
    throw new ConfigError(`HOST=${JSON.stringify(raw)} must be an IP address or a host name (e.g. 0.0.0.0, ::, 127.0.0.1)`);
  }
  return raw;
}

function readLogLevel(env: NodeJS.ProcessEnv): string {
  const raw = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(raw))
    throw new ConfigError(`LOG_LEVEL=${JSON.stringify(raw)} must be one of ${LOG_LEVELS.join(", ")}`);
  return raw;
}

function readMetricsToken(env: NodeJS.ProcessEnv): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === "") return null;
  if (!/^[\x21-\x7e]{16,}$/.test(raw)) {
    throw new ConfigError("METRICS_TOKEN must be at least 16 printable characters without spaces (e.g. openssl rand -hex 32)");
  }
  return raw;
}

function readRedisUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw === "") return null;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new ConfigError("REDIS_URL is not a URL (expected redis://[user:password@]host:port[/db] or rediss://...)");
  }
  if (protocol !== "redis:" && protocol !== "rediss:") {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (got ${protocol}//)`);
  }
  return raw;
}

// proxy-addr's (express's) names for address ranges.
const NAMED_SUBNETS = ["loopback", "linklocal", "uniquelocal"];

function isTrustedAddress(item: string): boolean {
  if (NAMED_SUBNETS.includes(item)) return true;
  const [address, prefix, ...rest] = item.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** Unset: the socket's address and X-Forwarded-For ignored, so a client cannot choose the address its limit counts. */
function readTrustProxy(env: NodeJS.ProcessEnv): boolean | number | string[] {
  const raw = (env.TRUST_PROXY ?? "").trim();
  if (raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  if (/^\d+$/.test(raw)) return readInt(env, "TRUST_PROXY", 0, 0, 100);
  const items = raw.split(",").map((item) => item.trim());
  const bad = items.find((item) => !isTrustedAddress(item));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY=${JSON.stringify(raw)}: ${JSON.stringify(bad)} is not an address, CIDR or loopback/linklocal/uniquelocal (or give true, false or a hop count)`,
    );
  }
  return items;
}

function readLimits(env: NodeJS.ProcessEnv): Limits {
  return {
    maxDepth: readInt(env, "MAX_QUERY_DEPTH", 12, 1, 1000),
    maxNodes: readInt(env, "MAX_QUERY_NODES", 50_000, 1, 100_000_000),
    maxAliases: readInt(env, "MAX_QUERY_ALIASES", 30, 0, 100_000),
    maxDirectives: readInt(env, "MAX_QUERY_DIRECTIVES", 50, 0, 100_000),
    maxTokens: readInt(env, "MAX_QUERY_TOKENS", 5_000, 1, 10_000_000),
    maxInputDepth: readInt(env, "MAX_INPUT_DEPTH", 32, 1, 1_000),
    maxBodyBytes: readInt(env, "MAX_BODY_BYTES", 1_048_576, 1_024, 1_073_741_824),
    rateLimitRequests: readInt(env, "RATE_LIMIT_REQUESTS", 3_000, 0, 100_000_000),
    rateLimitWindowSeconds: readInt(env, "RATE_LIMIT_WINDOW_SECONDS", 60, 1, 86_400),
  };
}

/**
 * Node's 5 s keep-alive default is shorter than the idle timeout of common load balancers (60 s) and
 * proxies: one that reuses a connection the server has just closed answers 502. Shared with the gateway.
 */
export function readHttpTimeouts(env: NodeJS.ProcessEnv): { keepAliveTimeoutMs: number; headersTimeoutMs: number } {
  const keepAliveTimeoutMs = readInt(env, "KEEP_ALIVE_TIMEOUT_MS", 65_000, 1, 3_600_000);
  // Node's request timeout (300 s) bounds the headers timeout.
  const headersTimeoutMs = readInt(env, "HEADERS_TIMEOUT_MS", Math.min(keepAliveTimeoutMs + 1000, 300_000), 1, 300_000);
  return { keepAliveTimeoutMs, headersTimeoutMs };
}

/** IMPORT_STATEMENT_TIMEOUT_MS unless set: ten minutes, so a large import never meets a request's timeout. */
export const DEFAULT_IMPORT_STATEMENT_TIMEOUT_MS = 600_000;

/**
 * IMPORT_STATEMENT_TIMEOUT_MS, validated: the statement timeout of an import's transaction (CLI and
 * `importRecords` alike; importBundle reads it when its caller passes none).
 */
export function readImportStatementTimeoutMs(env: NodeJS.ProcessEnv = processEnvironment()): number {
  return readInt(env, "IMPORT_STATEMENT_TIMEOUT_MS", DEFAULT_IMPORT_STATEMENT_TIMEOUT_MS, 0, 86_400_000);
}

let envFileRead = false;

/**
 * process.env with `.env` (in the working directory) read into it once, when the file exists.
 * A variable already set in the environment wins over the file.
 */
export function processEnvironment(file = ".env"): NodeJS.ProcessEnv {
  if (envFileRead) return process.env;
  envFileRead = true;
  if (!existsSync(file)) return process.env;
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw new ConfigError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return process.env;
}

/** Reads and validates every variable; with no argument, the process environment and `.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = processEnvironment()): Config {
  const production = env.NODE_ENV === "production";
  const databaseUrl = readDatabaseUrl(env, production);
  return {
    databaseUrl,
    host: readHost(env),
    port: readInt(env, "PORT", 4000, 0, 65535),
    ...readHttpTimeouts(env),
    logLevel: readLogLevel(env),
    migrate: readBool(env, "MIGRATE", true),
    seedDemo: readBool(env, "SEED_DEMO", !production),
    dbPoolMax: readInt(env, "DB_POOL_MAX", 10, 1, 1000),
    dbStatementTimeoutMs: readInt(env, "DB_STATEMENT_TIMEOUT_MS", 5000, 0, 3_600_000),
    dbLockTimeoutMs: readInt(env, "DB_LOCK_TIMEOUT_MS", 1000, 0, 3_600_000),
    importStatementTimeoutMs: readImportStatementTimeoutMs(env),
    dbPreparedStatements: readInt(env, "DB_PREPARED_STATEMENTS", 200, 0, 10_000),
    dbConnectionTimeoutMs: readInt(env, "DB_CONNECTION_TIMEOUT_MS", 3000, 1, 600_000),
    shutdownTimeoutMs: readInt(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    requireAuth: readBool(env, "REQUIRE_AUTH", false),
    safelist: readBool(env, "SAFELIST", false),
    metricsToken: readMetricsToken(env),
    corsOrigins: (env.CORS_ORIGINS || "*")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    introspection: readBool(env, "INTROSPECTION", true),
    production,
    embeddedDataDir: env.EMBEDDED_PG_DIR || ".data/postgres",
    limits: readLimits(env),
    exposeSqlStatements: readBool(env, "EXPOSE_SQL_STATEMENTS", false),
    redisUrl: readRedisUrl(env),
    redisKeyPrefix: env.REDIS_KEY_PREFIX || "chancery:rl",
    trustProxy: readTrustProxy(env),
    replicas: readReplicas(env, databaseUrl),
    live: readLive(env),
  };
}
