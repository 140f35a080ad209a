/**
 * `npm run bench:replicas`: reads per second of one Chancery instance on the primary against two
 * instances on the primary and a streaming replica, over the scale-1 dataset (W1, the canonical
 * question). The primary and replica are the tests' own (tests/support/replica.ts): an embedded
 * PostgreSQL and a hot standby of it, on this machine, removed afterwards.
 *
 *   npm run bench:replicas -- --duration 10 --connections 10 --workload W1
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
      { label: "2 instances, primary + 1 replica", env: { DATABASE_REPLICA_URLS: replicaUrl }, instances: 2 },
    ];
    const results: { label: string; requestsPerSecond: number; errors: number; p99Ms: number }[] = [];
    for (const setup of setups) {
      const servers: RunningServer[] = [];
      try {
        for (let i = 0; i < setup.instances; i++)
          servers.push(await startBenchServer("chancery", primaryUrl, await freePort(), [], false, setup.env));
        await loadAll(servers, bodies, connections, Number(values.warmup));
        const figures = await loadAll(servers, bodies, connections, seconds);
        results.push({ label: setup.label, ...figures });
        say(`${setup.label}: ${figures.requestsPerSecond.toFixed(0)} reads/s, p99 ${figures.p99Ms} ms, ${figures.errors} errors`);
      } finally {
        for (const server of servers) await server.stop();
      }
    }
    say(`\n| set-up | reads/s | p99 ms | errors |\n| --- | ---: | ---: | ---: |`);
    for (const row of results) say(`| ${row.label} | ${row.requestsPerSecond.toFixed(0)} | ${row.p99Ms} | ${row.errors} |`);
    say(
      `\nratio (2 instances + replica / 1 instance): ${(results[1].requestsPerSecond / results[0].requestsPerSecond).toFixed(2)}`,
    );
  } finally {
    await pair.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
