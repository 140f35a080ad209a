import { Client } from "pg";
import type { EntityManager } from "typeorm";
import type { Logger } from "../logger";

/** Runs for each NOTIFY on a channel, with its payload. */
export type NotificationHandler = (payload: string) => void;

/**
 * One LISTEN connection per process, shared by everything that hears about other instances' work (live
 * updates, cache invalidation). PostgreSQL delivers a NOTIFY only to connections listening at the time:
 * whoever listens must catch up from its source of truth in `onReconnect` (the change history, say),
 * because what was announced while the connection was down is gone.
 */
export interface Notifications {
  /** Runs `handler` for each NOTIFY on `channel` from now on (LISTEN is sent once per channel); returns the stop. */
  listen(channel: string, handler: NotificationHandler): Promise<() => void>;
  /** Runs `handler` each time the connection is back after a loss (every channel is listened to again first). */
  onReconnect(handler: () => void): () => void;
  /** Whether the listening connection is up now. */
  readonly connected: boolean;
  /** How many times the connection was lost and re-established. */
  readonly reconnects: number;
  close(): Promise<void>;
}

export interface NotificationsOptions {
  url: string;
  log: Logger;
  applicationName?: string;
  /** First wait before reconnecting; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** A `SELECT 1` this often finds a connection a network failure killed silently. */
  pingIntervalMs?: number;
}

/** Channel names are ours, never a client's; the check keeps them plain identifiers all the same. */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${JSON.stringify(channel)}`);
}

/** Announces `payload` on `channel` when the transaction `manager` runs in commits (never if it rolls back). */
export async function notify(manager: EntityManager, channel: string, payload: string): Promise<void> {
  checkChannel(channel);
  await manager.query("SELECT pg_notify($1, $2)", [channel, payload]);
}

/** Opens the listening connection (retrying in the background until it is up) and keeps it open until `close`. */
export function startNotifications(options: NotificationsOptions): Notifications {
  const { log } = options;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5000;
  const handlers = new Map<string, Set<NotificationHandler>>();
  const reconnectHandlers = new Set<() => void>();
  let client: Client | null = null;
  let connected = false;
  let closed = false;
  let everConnected = false;
  let reconnects = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = retryDelayMs;
  let connecting: Promise<void> | null = null;

  const deliver = (channel: string, payload: string | undefined) => {
    for (const handler of handlers.get(channel) ?? []) {
      try {
        handler(payload ?? "");
      } catch (error) {
        log.error({ err: error, channel }, "a notification handler failed");
      }
    }
  };

  const lost = (current: Client, error?: Error) => {
    if (client !== current) return;
    client = null;
    connected = false;
    current.removeAllListeners("notification");
    current.end().catch(() => {});
    if (closed) return;
    log.warn({ err: error?.message, retryInMs: delay }, "the LISTEN connection was lost; reconnecting");
    scheduleConnect();
  };

  const scheduleConnect = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, maxRetryDelayMs);
  };

  const connectOnce = async () => {
    const next = new Client({
      connectionString: options.url,
      application_name: options.applicationName ?? "chancery-listen",
      keepAlive: true,
    });
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next));
    next.on("notification", (message) => deliver(message.channel, message.payload));
    client = next;
    await next.connect();
    for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`);
    if (client !== next) return;
    connected = true;
    delay = retryDelayMs;
    if (everConnected) {
      reconnects += 1;
      log.info({ reconnects }, "the LISTEN connection is back; catching up");
      for (const handler of reconnectHandlers) handler();
    }
    everConnected = true;
  };

  const connect = (): Promise<void> => {
    if (closed || connected) return Promise.resolve();
    connecting ??= connectOnce()
      .catch((error: Error) => {
        if (client) lost(client, error);
        else if (!closed) scheduleConnect();
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  };

  const ping = setInterval(() => {
    const current = client;
    if (!current || !connected) return;
    current.query("SELECT 1").catch((error: Error) => lost(current, error));
  }, options.pingIntervalMs ?? 10_000);
  ping.unref();

  void connect();

  return {
    async listen(channel, handler) {
      checkChannel(channel);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        const current = client;
        if (current && connected) await current.query(`LISTEN ${channel}`).catch((error: Error) => lost(current, error));
      }
      set.add(handler);
      // The first LISTEN goes out with the connection: wait for it, so a caller knows it is heard from now on.
      if (!connected) await connecting;
      return () => {
        set.delete(handler);
      };
    },
    onReconnect(handler) {
      reconnectHandlers.add(handler);
      return () => reconnectHandlers.delete(handler);
    },
    get connected() {
      return connected;
    },
    get reconnects() {
      return reconnects;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(ping);
      await connecting;
      const current = client;
      client = null;
      connected = false;
      if (current) await current.end().catch(() => {});
    },
  };
}
