/**
 * `npm start`: validates the configuration, opens the database (DATABASE_URL, else an embedded
 * PostgreSQL under .data/), migrates unless MIGRATE=false, loads the demo records into an empty
 * database, serves GraphQL and prints the IDE's URL. SIGINT/SIGTERM/SIGHUP (a closed terminal): stop
 * accepting, drain in-flight requests, close the pool, stop the embedded PostgreSQL, exit 0. A start
 * that cannot succeed (port taken, embedded database held by another process) says why in one line.
 */
import "reflect-metadata";
import { type Config, ConfigError, loadConfig } from "../config";
import type { Database } from "../db/database";
import type { ChanceryServer } from "../http/app";
import { createLogger, type Logger } from "../logger";
import { userFacingReason } from "./cli-errors";

interface Running {
  database?: Database;
  server?: ChanceryServer;
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`chancery: bad configuration: ${error.message}\n`);
    process.exit(1);
  }
}

async function stopEverything(running: Running, log: Logger): Promise<void> {
  await running.server?.close();
  log.info("HTTP server drained");
  await running.database?.close();
  log.info({ embedded: running.database?.embedded ?? false }, "database closed");
}

function stopOnSignals(running: Running, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    // Logged once the listening socket is closed (stopEverything closes it before its first await).
    const stopped = stopEverything(running, log);
    log.info({ signal }, "shutting down: no new connections, draining in-flight requests");
    stopped.then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
}

/** The one line for failures the user fixes outside the code; undefined for the rest (logged in full). */
function startFailure(error: unknown, config: Config): string | undefined {
  const reason = userFacingReason(error);
  if (reason) return reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") return `port ${config.port} is in use by another process: stop it, or set PORT to a free port`;
  if (code === "EACCES") return `port ${config.port} needs privileges this process lacks: set PORT above 1023`;
  return undefined;
}

async function start(config: Config, log: Logger, running: Running): Promise<void> {
  // Loaded only once the configuration is known to be good: a bad variable answers in one line, at once.
  const [{ openDatabase }, { applyMigrations }, { seedIfEmpty }, { startServer }] = await Promise.all([
    import("../db/database.js"),
    import("../db/migrations.js"),
    import("../import/seed.js"),
    import("../http/app.js"),
  ]);
  running.database = await openDatabase(config, log, "chancery", { serving: true });
  const { dataSource } = running.database;
  if (config.migrate) {
    const applied = await applyMigrations(dataSource, log);
    log.info({ applied }, applied.length > 0 ? "migrations applied" : "migrations up to date");
  }
  if (config.seedDemo) await seedIfEmpty(dataSource, log);
  running.server = await startServer({ config, dataSource, log });
  log.info({ url: running.server.url, embeddedDatabase: running.database.embedded }, "Chancery is serving");
  process.stderr.write(`\nChancery is ready. GraphQL IDE: ${running.server.url}\n\n`);
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const running: Running = {};
  stopOnSignals(running, log);
  try {
    await start(config, log, running);
  } catch (error) {
    const reason = startFailure(error, config);
    if (reason) {
      log.fatal(`cannot start: ${reason}`);
      process.stderr.write(`chancery: cannot start: ${reason}\n`);
    } else log.fatal({ err: error }, "start-up failed");
    await running.database?.close().catch(() => undefined);
    process.exit(1);
  }
}

main();
