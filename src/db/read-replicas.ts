import type { DataSource } from "typeorm";
import type { ReplicaSettings } from "../config";
import type { Logger } from "../logger";
import { createDataSource, type DataSourceSettings } from "./data-source";
import { formatLsn, hasReached, parseLsn } from "./lsn";

/** up: in rotation; lagging: answers but is further behind than REPLICA_MAX_LAG_MS; down: does not answer. */
export type ReplicaState = "up" | "lagging" | "down";

/** What /readyz says of a replica. */
export interface ReplicaStatus {
  url: string;
  state: ReplicaState;
  lagMs: number | null;
}

// What a replica has replayed (a server that is not a standby has "replayed" everything it wrote).
const REPLAYED_SQL =
  "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS replayed";

/** The URL without its password: how /readyz and /metrics name a replica. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

/** A position the primary had reached, and when we saw it. */
interface Sighting {
  position: bigint;
  at: number;
}

/** Samples kept per replica while it is behind; past this the middle ones go (the oldest decides the lag). */
const MAX_SIGHTINGS = 100;

export class Replica {
  state: ReplicaState = "down";
  lagMs: number | null = null;
  /** The last WAL position seen replayed (never goes back). */
  replayed: bigint | null = null;
  reads = 0;
  /** Primary positions this replica had not replayed yet, oldest first. */
  private behind: Sighting[] = [];

  constructor(
    readonly url: string,
    readonly dataSource: DataSource,
  ) {}

  sawReplayed(position: bigint | null): void {
    if (position !== null && (this.replayed === null || position > this.replayed)) this.replayed = position;
  }

  /**
   * The lag is how long ago we first saw the primary at a position the replica has not replayed yet:
   * it needs no clock shared with the replica, and an idle primary (no commits to time) never makes a
   * caught-up replica look behind.
   */
  measureLag(primaryAt: bigint | null, now: number): number {
    if (primaryAt !== null) this.behind.push({ position: primaryAt, at: now });
    this.behind = this.behind.filter((sighting) => !hasReached(this.replayed, sighting.position));
    if (this.behind.length > MAX_SIGHTINGS) this.behind.splice(1, 1);
    return this.behind.length === 0 ? 0 : now - this.behind[0].at;
  }

  forgetLag(): void {
    this.behind = [];
  }
}

export interface ReadReplicasOptions {
  maxLagMs: number;
  checkIntervalMs: number;
  log: Logger;
}

/**
 * The read replicas of one server: a pool per replica, each checked every `checkIntervalMs` (does it
 * answer, how far behind the primary is it). Reads go round-robin to the replicas that are up.
 */
export class ReadReplicas {
  private turn = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly primary: DataSource,
    readonly replicas: Replica[],
    private readonly options: ReadReplicasOptions,
  ) {}

  /** Checks every replica once (so the first requests already use those that are up), then keeps checking. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
    this.timer.unref();
  }

  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    const primaryAt = await this.primaryPosition();
    await Promise.all(this.replicas.map((replica) => this.checkOne(replica, primaryAt)));
  }

  private async primaryPosition(): Promise<bigint | null> {
    try {
      const [{ position }] = await this.primary.query("SELECT pg_current_wal_lsn()::text AS position");
      return parseLsn(position);
    } catch {
      return null;
    }
  }

  private async checkOne(replica: Replica, primaryAt: bigint | null): Promise<void> {
    const before = replica.state;
    try {
      if (!replica.dataSource.isInitialized) await replica.dataSource.initialize();
      const [{ replayed }] = await replica.dataSource.query(REPLAYED_SQL);
      replica.sawReplayed(parseLsn(replayed ?? ""));
      replica.lagMs = replica.measureLag(primaryAt, Date.now());
      replica.state = replica.lagMs <= this.options.maxLagMs ? "up" : "lagging";
    } catch (error) {
      this.markDown(replica, error);
    }
    if (replica.state !== before) {
      const { url, state, lagMs } = replica;
      const replayed = replica.replayed === null ? null : formatLsn(replica.replayed);
      this.options.log[state === "up" ? "info" : "warn"](
        { replica: redactUrl(url), state, lagMs, replayed },
        "read replica state changed",
      );
    }
  }

  /** Takes a replica out of rotation now (a request found it failing); the next check that reaches it brings it back. */
  markDown(replica: Replica, error?: unknown): void {
    if (replica.state !== "down" && error !== undefined) {
      this.options.log.warn({ replica: redactUrl(replica.url), err: (error as Error)?.message }, "read replica unreachable");
    }
    replica.state = "down";
    replica.lagMs = null;
    replica.forgetLag();
  }

  private nextOf(candidates: Replica[]): Replica | null {
    if (candidates.length === 0) return null;
    this.turn = (this.turn + 1) % 1_000_000;
    return candidates[this.turn % candidates.length];
  }

  /**
   * A replica in rotation for a read that must see at least `token` (null: any), or null for the
   * primary. When no replica was seen past the token at its last check, one is asked once more;
   * if it still has not replayed that far, the primary serves the read (no waiting).
   */
  async choose(token: bigint | null): Promise<Replica | null> {
    const up = this.replicas.filter((replica) => replica.state === "up");
    if (token === null) return this.nextOf(up);
    const ready = this.nextOf(up.filter((replica) => hasReached(replica.replayed, token)));
    if (ready) return ready;
    const candidate = this.nextOf(up);
    if (!candidate) return null;
    try {
      const [{ replayed }] = await candidate.dataSource.query(REPLAYED_SQL);
      candidate.sawReplayed(parseLsn(replayed ?? ""));
    } catch (error) {
      this.markDown(candidate, error);
      return null;
    }
    return hasReached(candidate.replayed, token) ? candidate : null;
  }

  statuses(): ReplicaStatus[] {
    return this.replicas.map(({ url, state, lagMs }) => ({ url: redactUrl(url), state, lagMs }));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(
      this.replicas.map((replica) => (replica.dataSource.isInitialized ? replica.dataSource.destroy() : undefined)),
    );
  }
}

/** The replicas DATABASE_REPLICA_URLS names, each with a pool like the primary's; null when there are none. */
export function openReadReplicas(
  settings: ReplicaSettings,
  primary: DataSource,
  pool: Omit<DataSourceSettings, "url">,
  log: Logger,
): ReadReplicas | null {
  if (settings.urls.length === 0) return null;
  const replicas = settings.urls.map((url) => new Replica(url, createDataSource({ ...pool, url })));
  return new ReadReplicas(primary, replicas, { maxLagMs: settings.maxLagMs, checkIntervalMs: settings.checkIntervalMs, log });
}
