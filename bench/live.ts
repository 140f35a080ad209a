/**
 * `npm run bench:live`: N subscribers (graphql-ws over ws, one connection each) on one Chancery instance
 * while writes go in at a fixed rate through HTTP; reports the delivery lag (from the change's transaction,
 * `occurredAt`, to its arrival at the subscriber) p50/p99, the write rate reached, and the server's RSS.
 * Options: --subscribers 1000 --rate 50 --duration 20 --admin-url (a PostgreSQL server it may create a database
 * on; default DATABASE_URL, else the local one).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import WebSocket from "ws";
import { createApiKey } from "../src/auth/api-keys";
import { Role } from "../src/auth/role";
import { createDataSource } from "../src/db/data-source";
import { databaseUrl } from "./dataset";
import { residentMiB, startBenchServer } from "./servers";

const ROOT = path.resolve(__dirname, "..", "..");
const DATABASE = "chancery_bench_live";

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function freshDatabase(adminUrl: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = databaseUrl(adminUrl, DATABASE);
  execFileSync(process.execPath, [path.join(ROOT, "dist/src/cli/migrate.js")], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  return url;
}

/** Each delivery: the change's key and when it arrived. */
interface Delivery {
  key: string;
  arrivedAt: number;
}

/** What the subscribers received: every delivery, and each change's transaction start (`occurredAt`) by key. */
interface Received {
  deliveries: Delivery[];
  occurredAt: Map<string, number>;
  failures: string[];
}

const SUBSCRIPTION = 'subscription { recordChanged(types: ["Topic"]) { change { occurredAt recordKey } } }';
const NEXT_PREFIX = '{"id":"1","type":"next","payload":{"data":{"recordChanged":{"change":{"occurredAt":"';
const KEY_FIELD = '"recordKey":"';

/**
 * One subscriber: the graphql-ws protocol spoken directly over `ws` (connection_init, subscribe, then one
 * `next` per change), so that the subscribers, which share this 2-core machine with the server, cost
 * little more than the sockets themselves (graphql-ws's client validates and dispatches each message,
 * which cost as much CPU as the server's sending). A `next` message with data is time-stamped and its key
 * read from the text; only the first copy of each change is parsed. Resolves once the subscription is
 * acknowledged.
 */
function subscribe(wsUrl: string, received: Received): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, "graphql-transport-ws", { skipUTF8Validation: true });
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
    socket.on("error", reject);
    socket.on("message", (data) => {
      const arrivedAt = Date.now();
      const text = String(data);
      const keyAt = text.startsWith(NEXT_PREFIX) ? text.indexOf(KEY_FIELD) : -1;
      if (keyAt !== -1) {
        const start = keyAt + KEY_FIELD.length;
        const key = text.slice(start, text.indexOf('"', start));
        received.deliveries.push({ key, arrivedAt });
        if (!received.occurredAt.has(key))
          received.occurredAt.set(key, Date.parse(JSON.parse(text).payload.data.recordChanged.change.occurredAt));
        return;
      }
      const message = JSON.parse(text) as { type: string };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: SUBSCRIPTION } }));
        resolve(socket);
      } else if (message.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (message.type !== "pong") {
        received.failures.push(text);
      }
    });
    socket.on("close", (code, reason) => {
      if (code !== 1000) received.failures.push(`closed ${code} ${reason}`);
    });
  });
}

async function openSubscribers(wsUrl: string, count: number, received: Received): Promise<() => Promise<void>> {
  const sockets: WebSocket[] = [];
  // A few dozen handshakes at a time: a thousand at once outlast the server's initialisation wait on a busy machine.
  for (let index = 0; index < count; index += 50) {
    const batch = Array.from({ length: Math.min(50, count - index) }, () => subscribe(wsUrl, received));
    sockets.push(...(await Promise.all(batch)));
  }
  return async () => {
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once("close", () => resolve());
            socket.close(1000);
          }),
      ),
    );
  };
}

/** Writes topics at `rate` per second; returns when each write's response arrived (≈ its commit), by slug. */
async function writeAtRate(url: string, key: string, rate: number, seconds: number): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  let written = 0;
  let inFlight = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  while (Date.now() < end) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (written + inFlight < due && inFlight < 8) {
      inFlight += 1;
      const slug = `live-${written + inFlight}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      void fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({
          query: `mutation($slug: String!) { createTopic(input: { slug: $slug, name: [{ lang: "en", text: "Live" }] }) { slug } }`,
          variables: { slug },
        }),
      })
        .then((response) => response.json())
        .then((body: unknown) => {
          written += 1;
          if (typeof body === "object" && body !== null && !("errors" in body)) committed.set(slug, Date.now());
        })
        .finally(() => {
          inFlight -= 1;
        });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  return committed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: "string", default: "1000" },
      rate: { type: "string", default: "50" },
      duration: { type: "string", default: "20" },
      "admin-url": { type: "string", default: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const subscribers = Number(values.subscribers);
  const rate = Number(values.rate);
  const duration = Number(values.duration);
  const url = await freshDatabase(values["admin-url"]);
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  const { secret } = await createApiKey(dataSource, { role: Role.EDITOR, label: "bench-live" });
  await dataSource.destroy();

  process.env.LIVE_MAX_CONNECTIONS_PER_ADDRESS = String(subscribers + 10);
  const server = await startBenchServer("chancery", url, 4610);
  const received: Received = { deliveries: [], occurredAt: new Map(), failures: [] };
  const { deliveries, failures } = received;
  try {
    const rssIdle = residentMiB(server.pid);
    const close = await openSubscribers(`ws://127.0.0.1:4610/graphql`, subscribers, received);
    // The server registers a subscription just after it acknowledges it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssConnected = residentMiB(server.pid);
    let rssPeak = rssConnected;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, residentMiB(server.pid));
    }, 250);
    const committed = await writeAtRate(`${server.origin}/graphql`, secret, rate, duration);
    const expected = committed.size * subscribers;
    // Until every delivery arrived, or none came for 5 s.
    for (let seen = -1, quiet = 0; deliveries.length < expected && quiet < 50; ) {
      quiet = deliveries.length === seen ? quiet + 1 : 0;
      seen = deliveries.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    clearInterval(sampler);
    await close();
    const fromStart = deliveries
      .map((delivery) => delivery.arrivedAt - (received.occurredAt.get(delivery.key) ?? Number.NaN))
      .sort((a, b) => a - b);
    const fromCommit = deliveries
      .flatMap((delivery) => {
        const at = committed.get(delivery.key);
        return at === undefined ? [] : [Math.max(0, delivery.arrivedAt - at)];
      })
      .sort((a, b) => a - b);
    const report = {
      subscribers,
      targetWritesPerSecond: rate,
      writesPerSecond: Number((committed.size / duration).toFixed(1)),
      deliveries: deliveries.length,
      expectedDeliveries: expected,
      failures: failures.length,
      // From the write's HTTP response (just after its commit) to the subscriber: the lag a user sees.
      lagFromCommitMs: {
        p50: percentile(fromCommit, 50),
        p99: percentile(fromCommit, 99),
        max: fromCommit[fromCommit.length - 1],
      },
      // From the writing transaction's start (occurredAt): adds the write's own duration.
      lagFromTransactionStartMs: { p50: percentile(fromStart, 50), p99: percentile(fromStart, 99) },
      loadAverage: (await import("node:os")).loadavg().map((load) => Number(load.toFixed(1))),
      rssMiB: { idle: Math.round(rssIdle), connected: Math.round(rssConnected), peak: Math.round(rssPeak) },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
