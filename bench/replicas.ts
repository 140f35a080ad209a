/**
 * `npm run bench:replicas`: reads per second of one Chancery instance on the primary against two
 * instances on the primary and a streaming replica, over the scale-1 dataset (W1, the canonical
 * question). The primary and replica are the tests' own (tests/support/replica.ts): an embedded
 * PostgreSQL and a hot standby of it, on this machine, removed afterwards.
 *
 *   npm run bench:replicas -- --duration 10 --connections 10 --workload W1 --rounds 2
 *
 * A third set-up, one instance on the primary and the replica, shows what routing itself costs. The
 * set-ups take turns round after round (the machine's load drifts); the mean of the rounds is reported.
 */
import { createServer } from "node:net";
import { parseArgs } from "node:util";
import { startReplicaPair } from "../tests/support/replica";
import { databaseUrl, datasetSize, prepareDataset } from "./dataset";
import { measure, type RunFigures } from "./load";
import { type RunningServer, startBenchServer } from "./servers";
import { buildWorkloads } from "./workloads";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Load on every server at once, the connections shared out; requests per second and errors summed. */
async function loadAll(servers: RunningServer[], bodies: { path: string; body: string }[], connections: number, seconds: number) {
  const runs: RunFigures[] = await Promise.all(
    servers.map((server) =>
      measure(server, bodies, { connections: Math.max(1, Math.round(connections / servers.length)), durationSeconds: seconds }),
    ),
  );
  return {
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requestsPerSecond, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      workload: { type: "string", default: "W1" },
      warmup: { type: "string", default: "3" },
      rounds: { type: "string", default: "2" },
    },
  });
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const say = (line: string) => console.log(line);
  say("starting a primary and a streaming replica of it (embedded PostgreSQL)");
  const pair = await startReplicaPair();
  try {
    const primaryUrl = await prepareDataset(databaseUrl(pair.primaryUrl, "postgres"), 1, true, say);
    await pair.caughtUp();
    const name = new URL(primaryUrl).pathname.slice(1);
    const replicaUrl = databaseUrl(pair.replicaUrl, name);
    const workload = buildWorkloads(datasetSize(1)).find((candidate) => candidate.id === values.workload);
    if (!workload) throw new Error(`no workload ${values.workload}`);
    const bodies = workload.requests.chancery;
    const setups: { label: string; env: NodeJS.ProcessEnv; instances: number }[] = [
      { label: "1 instance, primary only", env: {}, instances: 1 },
      { label: "1 instance, primary + 1 replica", env: { DATABASE_REPLICA_URLS: replicaUrl }, instances: 1 },
      { label: "2 instances, primary + 1 replica", env: { DATABASE_REPLICA_URLS: replicaUrl }, instances: 2 },
    ];
    const rounds = setups.map(() => [] as Awaited<ReturnType<typeof loadAll>>[]);
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const [index, setup] of setups.entries()) {
        const servers: RunningServer[] = [];
        try {
          for (let i = 0; i < setup.instances; i++)
            servers.push(await startBenchServer("chancery", primaryUrl, await freePort(), { env: setup.env }));
          await loadAll(servers, bodies, connections, Number(values.warmup));
          const figures = await loadAll(servers, bodies, connections, seconds);
          rounds[index].push(figures);
          say(
            `round ${round + 1}, ${setup.label}: ${figures.requestsPerSecond.toFixed(0)} reads/s, p99 ${figures.p99Ms} ms, ${figures.errors} errors`,
          );
        } finally {
          for (const server of servers) await server.stop();
        }
      }
    }
    const mean = (numbers: number[]) => numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
    const results = setups.map((setup, index) => ({
      label: setup.label,
      requestsPerSecond: mean(rounds[index].map((run) => run.requestsPerSecond)),
      p99Ms: mean(rounds[index].map((run) => run.p99Ms)),
      errors: rounds[index].reduce((sum, run) => sum + run.errors, 0),
    }));
    say(`\n| set-up | reads/s | p99 ms | errors |\n| --- | ---: | ---: | ---: |`);
    for (const row of results) say(`| ${row.label} | ${row.requestsPerSecond.toFixed(0)} | ${row.p99Ms} | ${row.errors} |`);
    const base = results[0].requestsPerSecond;
    say(`\nratios to one instance on the primary: ${results.map((row) => (row.requestsPerSecond / base).toFixed(2)).join(", ")}`);
  } finally {
    await pair.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
