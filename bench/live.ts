/**
 * `npm run bench:live`: N subscribers (graphql-ws over ws, one connection each) on one Chancery instance
 * while writes go in at a fixed rate through HTTP; reports the delivery lag (from the change's transaction,
 * `occurredAt`, to its arrival at the subscriber) p50/p99, the write rate reached, and the server's RSS.
 * Options: --subscribers 1000 --rate 50 --duration 20. Needs DATABASE_URL (a server to create a database on).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { createClient, type Client as WsClient } from "graphql-ws";
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

/** Each delivery: the change's key, its transaction's start (`occurredAt`), and when it arrived. */
interface Delivery {
  key: string;
  occurredAt: number;
  arrivedAt: number;
}

async function openSubscribers(wsUrl: string, count: number, deliveries: Delivery[]): Promise<() => Promise<void>> {
  const clients: WsClient[] = [];
  let open = 0;
  for (let index = 0; index < count; index += 1) {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    client.subscribe<{ recordChanged: { change: { occurredAt: string; recordKey: string } } }>(
      { query: 'subscription { recordChanged(types: ["Topic"]) { change { occurredAt recordKey } } }' },
      {
        next: ({ data }) => {
          if (!data) return;
          const { occurredAt, recordKey } = data.recordChanged.change;
          deliveries.push({ key: recordKey, occurredAt: Date.parse(occurredAt), arrivedAt: Date.now() });
        },
        error: (error) => console.error("subscriber error", error),
        complete: () => {},
      },
    );
    client.on("connected", () => {
      open += 1;
    });
    clients.push(client);
    // A few dozen at a time: a thousand handshakes at once outlast graphql-ws's 3 s initialisation wait on a busy machine.
    if (clients.length % 50 === 0) while (open < clients.length) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  while (open < count) await new Promise((resolve) => setTimeout(resolve, 100));
  return async () => {
    await Promise.all(clients.map((client) => client.dispose()));
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
    },
  });
  const subscribers = Number(values.subscribers);
  const rate = Number(values.rate);
  const duration = Number(values.duration);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("set DATABASE_URL to a PostgreSQL server the bench may create a database on");
  const url = await freshDatabase(adminUrl);
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  const { secret } = await createApiKey(dataSource, { role: Role.EDITOR, label: "bench-live" });
  await dataSource.destroy();

  process.env.LIVE_MAX_CONNECTIONS_PER_ADDRESS = String(subscribers + 10);
  const server = await startBenchServer("chancery", url, 4610);
  const deliveries: Delivery[] = [];
  try {
    const rssIdle = residentMiB(server.pid);
    const close = await openSubscribers(`ws://127.0.0.1:4610/graphql`, subscribers, deliveries);
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
    const fromStart = deliveries.map((delivery) => delivery.arrivedAt - delivery.occurredAt).sort((a, b) => a - b);
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
