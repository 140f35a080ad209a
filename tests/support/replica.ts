/**
 * A real streaming replica for tests. The machine's PostgreSQL allows no replication connections (its
 * pg_hba.conf has no replication line, and tests must not change it), so the harness starts a primary
 * of its own from the embedded PostgreSQL binaries (initdb's pg_hba.conf admits replication from
 * 127.0.0.1; wal_level is replica by default), copies its data directory between pg_backup_start and
 * pg_backup_stop, and starts the copy as a hot standby streaming from a replication slot. Everything
 * lives in one temporary folder, removed by `close` (and on a failed start).
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import pino from "pino";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { type Config, loadConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { type EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from "../../src/db/embedded-postgres";
import { parseLsn } from "../../src/db/lsn";
import { applyMigrations } from "../../src/db/migrations";
import { type ChanceryServer, startServer } from "../../src/http/app";
import { databaseUrl } from "./database-url";
import type { GraphQLResponseBody } from "./server";

const SLOT = "chancery_test_replica";
const DATABASE = "chancery";

export interface ReplicaPair {
  /** The migrated `chancery` database on the primary, and the same database on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica (fast shutdown: its connections are cut) / starts it again on the same port. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Runs `sql` on the replica's `chancery` database. */
  onReplica<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  onPrimary<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Under a root-run test the copy must belong to the postgres user, as the embedded server runs as that user. */
function ownLikeOriginal(copy: string, original: string): void {
  const { uid, gid } = statSync(original);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", `${uid}:${gid}`, copy]);
  chmodSync(copy, 0o700);
}

/** The base backup: the data directory copied while the primary runs, with the label pg_backup_stop gives. */
async function baseBackup(primary: EmbeddedDatabase, target: string): Promise<void> {
  const client = new Client({ connectionString: primary.url });
  await client.connect();
  try {
    await client.query("SELECT pg_create_physical_replication_slot($1, true)", [SLOT]);
    await client.query("SELECT pg_backup_start('chancery-test-replica', true)");
    const skipped = new Set(["postmaster.pid", "postmaster.opts"]);
    cpSync(primary.dataDir, target, {
      recursive: true,
      // WAL comes by streaming from the slot; server-local state stays behind.
      filter: (source) => {
        const relative = path.relative(primary.dataDir, source);
        if (skipped.has(relative)) return false;
        const [top, ...below] = relative.split(path.sep);
        if (top === "pg_replslot") return below.length === 0;
        return !(top === "pg_wal" && below.length > 0 && !statSync(source).isDirectory());
      },
    });
    const { rows } = await client.query("SELECT labelfile FROM pg_backup_stop(false)");
    writeFileSync(path.join(target, "backup_label"), rows[0].labelfile);
  } finally {
    await client.end();
  }
  writeFileSync(path.join(target, "standby.signal"), "");
  const conninfo = `host=127.0.0.1 port=${primary.port} user=postgres password=postgres application_name=${SLOT}`;
  appendFileSync(
    path.join(target, "postgresql.auto.conf"),
    `primary_conninfo = '${conninfo}'\nprimary_slot_name = '${SLOT}'\nhot_standby_feedback = on\n`,
  );
  ownLikeOriginal(target, primary.dataDir);
}

/** The machine cannot run a PostgreSQL of the test's own (tests skip, saying so); anything else fails them. */
export class NoSecondPostgres extends Error {}

/**
 * Starts a primary and a streaming replica of it, with the migrated `chancery` database on both; removes
 * what it made when it fails.
 */
export async function startReplicaPair(): Promise<ReplicaPair> {
  const base = mkdtempSync(path.join(tmpdir(), "chancery-replica-"));
  // The embedded PostgreSQL runs as the postgres user when we are root: it must be able to enter the folder.
  chmodSync(base, 0o755);
  let primary: EmbeddedDatabase | undefined;
  let replica: EmbeddedDatabase | undefined;
  const cleanUp = async () => {
    await replica?.stop();
    await primary?.stop();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    primary = await startEmbeddedPostgres(path.join(base, "primary")).catch((error: Error) => {
      throw error instanceof EmbeddedPostgresError ? new NoSecondPostgres(error.message) : error;
    });
    await query(primary.url, `CREATE DATABASE ${DATABASE}`);
    const primaryUrl = databaseUrl(primary.url, DATABASE);
    const migrating = createDataSource({ url: primaryUrl });
    await migrating.initialize();
    await applyMigrations(migrating).finally(() => migrating.destroy());
    const standbyDir = path.join(base, "replica");
    await baseBackup(primary, standbyDir);
    replica = await startEmbeddedPostgres(standbyDir);
    const replicaPort = replica.port;
    const replicaUrl = databaseUrl(replica.url, DATABASE);
    const pair: ReplicaPair = {
      primaryUrl,
      replicaUrl,
      async stopReplica() {
        await replica?.stop();
        replica = undefined;
      },
      async startReplica() {
        replica = await startEmbeddedPostgres(standbyDir, { port: replicaPort });
      },
      onReplica: (sql) => query(replicaUrl, sql),
      onPrimary: (sql) => query(primaryUrl, sql),
      async caughtUp() {
        const [{ position }] = await query<{ position: string }>(primaryUrl, "SELECT pg_current_wal_lsn()::text AS position");
        const wanted = parseLsn(position) ?? 0n;
        for (;;) {
          const [{ replayed }] = await query<{ replayed: string | null }>(
            replicaUrl,
            "SELECT pg_last_wal_replay_lsn()::text AS replayed",
          );
          if ((parseLsn(replayed ?? "") ?? -1n) >= wanted) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      close: cleanUp,
    };
    await pair.caughtUp();
    return pair;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** A Chancery server over the pair: the primary, and the replica in DATABASE_REPLICA_URLS. */
export interface Instance {
  url: string;
  origin: string;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: GraphQLResponseBody<T> }>;
  close(): Promise<void>;
}

export async function startInstance(pair: ReplicaPair, env: Record<string, string> = {}): Promise<Instance> {
  const config: Config = loadConfig({
    ...process.env,
    DATABASE_URL: pair.primaryUrl,
    DATABASE_REPLICA_URLS: pair.replicaUrl,
    REPLICA_CHECK_INTERVAL_MS: "100",
    PORT: "0",
    ...env,
  });
  const dataSource = createDataSource({ url: config.databaseUrl as string, poolMax: config.dbPoolMax });
  await dataSource.initialize();
  let server: ChanceryServer;
  try {
    server = await startServer({ config, dataSource, log: pino({ level: "silent" }) }, 0);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    async graphql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponseBody<T> };
    },
    async close() {
      await server.close();
      await dataSource.destroy();
    },
  };
}

/** A replica pair with an EDITOR key made on its primary, or why this machine cannot run one (the tests skip with it). */
export async function startReplicaPairWithEditor(
  label: string,
): Promise<{ pair: ReplicaPair; editorKey: string } | { skipReason: string }> {
  let pair: ReplicaPair;
  try {
    pair = await startReplicaPair();
  } catch (error) {
    if (!(error instanceof NoSecondPostgres)) throw error;
    return { skipReason: `this machine cannot run a PostgreSQL of the test's own to replicate: ${error.message}` };
  }
  const primary = createDataSource({ url: pair.primaryUrl });
  await primary.initialize();
  try {
    return { pair, editorKey: (await createApiKey(primary, { role: Role.EDITOR, label })).secret };
  } finally {
    await primary.destroy();
  }
}
