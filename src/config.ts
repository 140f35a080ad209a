/**
 * The one place environment variables are read. Every variable is validated at start-up; a bad
 * value stops the process with one line naming the variable and what it accepts.
 */

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  logLevel: string;
  migrate: boolean;
  dbPoolMax: number;
  dbStatementTimeoutMs: number;
  dbLockTimeoutMs: number;
  dbConnectionTimeoutMs: number;
  requireAuth: boolean;
  safelist: boolean;
  corsOrigins: string[];
  introspection: boolean;
  production: boolean;
  embeddedDataDir: string;
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

function readDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL is not a URL (expected postgres://user@host:port/database)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (got ${url.protocol}//)`);
  }
  return raw;
}

function readLogLevel(env: NodeJS.ProcessEnv): string {
  const raw = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(raw))
    throw new ConfigError(`LOG_LEVEL=${JSON.stringify(raw)} must be one of ${LOG_LEVELS.join(", ")}`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  return {
    databaseUrl: readDatabaseUrl(env),
    port: readInt(env, "PORT", 4000, 0, 65535),
    logLevel: readLogLevel(env),
    migrate: readBool(env, "MIGRATE", true),
    dbPoolMax: readInt(env, "DB_POOL_MAX", 10, 1, 1000),
    dbStatementTimeoutMs: readInt(env, "DB_STATEMENT_TIMEOUT_MS", 5000, 0, 3_600_000),
    dbLockTimeoutMs: readInt(env, "DB_LOCK_TIMEOUT_MS", 1000, 0, 3_600_000),
    dbConnectionTimeoutMs: readInt(env, "DB_CONNECTION_TIMEOUT_MS", 3000, 1, 600_000),
    requireAuth: readBool(env, "REQUIRE_AUTH", false),
    safelist: readBool(env, "SAFELIST", false),
    corsOrigins: (env.CORS_ORIGINS || "*")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    introspection: readBool(env, "INTROSPECTION", true),
    production,
    embeddedDataDir: env.EMBEDDED_PG_DIR || ".data/postgres",
  };
}
