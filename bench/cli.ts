/**
 * `npm run bench [-- --scale 1,10 --duration 10 --rounds 3 --connections 10 --workloads W1,W2 --imports 2000 --reload]`;
 * `npm run bench -- --report-only` rebuilds RESULTS.md from results.json and NOTES.md without measuring.
 *
 * Loads the synthetic dataset into its own database per scale (bench/dataset.ts), starts Chancery,
 * PostGraphile and the one-SQL handler over it, checks that all three give the same answers and counts their
 * statements, then measures every workload in alternating rounds; then times the imports (bench/import-timing.ts)
 * and writes bench/results.json and bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { datasetSize, prepareDataset } from "./dataset";
import { timeImport } from "./import-timing";
import { type LoadSettings, measure, send, statementsPerRequest } from "./load";
import {
  type ImportRun,
  type Machine,
  medianFigures,
  readResults,
  type ScaleResult,
  type ServerResult,
  writeResults,
} from "./report";
import { BENCH_NODE, type RunningServer, startBenchServer } from "./servers";
import { buildWorkloads, SERVERS, type ServerName, type Workload } from "./workloads";

const BENCH_DIR = path.resolve(__dirname, "../../bench");
const say = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      duration: { type: "string", default: "10" },
      rounds: { type: "string", default: "3" },
      connections: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      workloads: { type: "string", default: "W1,W2,W3,W4,W5,W6,W7,W8" },
      imports: { type: "string", default: "2000,20000" },
      servers: { type: "string", default: SERVERS.join(",") },
      reload: { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      "report-only": { type: "boolean", default: false },
      "admin-url": { type: "string", default: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const servers = values.servers.split(",").filter((name): name is ServerName => (SERVERS as readonly string[]).includes(name));
  return {
    scales: values.scale.split(",").filter(Boolean).map(Number),
    load: { connections: Number(values.connections), durationSeconds: Number(values.duration) } satisfies LoadSettings,
    rounds: Number(values.rounds),
    warmupSeconds: Number(values.warmup),
    workloads: values.workloads.split(",").filter(Boolean),
    imports: values.imports.split(",").filter(Boolean).map(Number),
    servers,
    reload: values.reload,
    cpuProfile: values["cpu-prof"],
    reportOnly: values["report-only"],
    adminUrl: values["admin-url"],
  };
}

type Settings = ReturnType<typeof options>;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** Every variant of the workload, asked of every server: do the normalized answers agree? */
async function sameData(workload: Workload, servers: RunningServer[]): Promise<string> {
  for (let variant = 0; variant < workload.requests.chancery.length; variant += 1) {
    const answers = await Promise.all(
      servers.map(async (server) =>
        workload.normalize(server.name, await send(server, workload.requests[server.name][variant]), variant),
      ),
    );
    for (let i = 1; i < answers.length; i += 1) {
      if (!isDeepStrictEqual(answers[0], answers[i])) {
        const show = (value: unknown) => JSON.stringify(value).slice(0, 600);
        return `DIFFERS (variant ${variant}): ${servers[0].name} ${show(answers[0])} vs ${servers[i].name} ${show(answers[i])}`;
      }
    }
    const empty = JSON.stringify(answers[0]);
    if (empty === "[]" || empty === "null" || empty.includes('"totalCount":0')) return `EMPTY (variant ${variant})`;
  }
  return `same (${workload.requests.chancery.length} variants)`;
}

/** Statements per request of every server for one workload, alone and under load (servers behind counting proxies). */
type StatementCounts = Map<ServerName, { alone: number; underLoad: number | null }>;

const COUNTING_RUN_SECONDS = 2;

async function countStatements(workload: Workload, servers: RunningServer[], settings: Settings): Promise<StatementCounts> {
  const counts: StatementCounts = new Map();
  for (const server of servers) {
    const bodies = workload.requests[server.name];
    const alone = await statementsPerRequest(server, bodies);
    const underLoad = (await measure(server, bodies, { ...settings.load, durationSeconds: COUNTING_RUN_SECONDS })).sqlPerRequest;
    counts.set(server.name, { alone, underLoad });
  }
  return counts;
}

async function benchWorkload(workload: Workload, servers: RunningServer[], counts: StatementCounts, settings: Settings) {
  const perServer = new Map<ServerName, ServerResult["rounds"]>();
  for (const server of servers) {
    await measure(server, workload.requests[server.name], { ...settings.load, durationSeconds: settings.warmupSeconds });
    perServer.set(server.name, []);
  }
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = servers.map((_, i) => servers[(i + round) % servers.length]);
    for (const server of order) {
      const figures = await measure(server, workload.requests[server.name], settings.load);
      perServer.get(server.name)?.push(figures);
      say(
        `${workload.id} round ${round + 1} ${server.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.errors} errors`,
      );
    }
  }
  const result: Partial<Record<ServerName, ServerResult>> = {};
  for (const server of servers) {
    const rounds = perServer.get(server.name) ?? [];
    const statements = counts.get(server.name);
    result[server.name] = {
      rounds,
      median: medianFigures(rounds),
      sqlPerRequestAlone: statements?.alone ?? Number.NaN,
      sqlPerRequestUnderLoad: statements?.underLoad ?? null,
    };
  }
  const rate = (name: ServerName) => result[name]?.median.requestsPerSecond ?? null;
  const chancery = rate("chancery");
  const divide = (other: number | null) => (chancery !== null && other ? chancery / other : null);
  return {
    title: workload.title,
    servers: result,
    chanceryPerPostgraphile: divide(rate("postgraphile")),
    chanceryPerLimit: divide(rate("plain")),
  };
}

/** Starts every server over the dataset; with `countStatements`, each behind a statement-counting proxy. */
async function startServers(settings: Settings, databaseUrl: string, countStatements: boolean): Promise<RunningServer[]> {
  const servers: RunningServer[] = [];
  try {
    for (const name of settings.servers) {
      const nodeOptions =
        settings.cpuProfile && name === "chancery" && !countStatements
          ? ["--cpu-prof", `--cpu-prof-dir=${path.join(BENCH_DIR, ".data/profiles")}`]
          : [];
      // Every server on PostGraphile's Node, so that the runtime's version is not part of the ratios.
      servers.push(
        await startBenchServer(name, databaseUrl, await freePort(), { nodeOptions, countStatements, node: BENCH_NODE }),
      );
      say(`started ${name}${countStatements ? " behind its statement-counting proxy" : ""}`);
    }
    return servers;
  } catch (error) {
    await stopServers(servers);
    throw error;
  }
}

async function stopServers(servers: RunningServer[]): Promise<void> {
  for (const server of servers) await server.stop();
}

function machine(): Machine {
  return { cpus: os.cpus().length, loadAverageAtStart: os.loadavg(), node: process.version };
}

/** The version of the Node the servers run on. */
function serversNode(): string {
  return spawnSync(BENCH_NODE, ["--version"], { encoding: "utf8" }).stdout.trim();
}

/**
 * One scale: first the servers behind their statement-counting proxies answer every variant (the same-data
 * check) and count their statements alone and under load; then, restarted with direct connections, the timed
 * rounds. The proxies sit in this process, next to autocannon, and would cap every server at what they forward.
 */
async function benchScale(scale: number, settings: Settings): Promise<ScaleResult> {
  const databaseUrl = await prepareDataset(settings.adminUrl, scale, settings.reload, say);
  const size = datasetSize(scale);
  const workloads = buildWorkloads(size).filter((workload) => settings.workloads.includes(workload.id));
  const result: ScaleResult = {
    measuredAt: new Date().toISOString(),
    dataset: { meetings: size.meetings, participants: size.meetings * 6, officials: size.officials, sources: size.sources },
    settings: { ...settings.load, rounds: settings.rounds, warmupSeconds: settings.warmupSeconds },
    machine: { ...machine(), node: serversNode() },
    sameData: {},
    workloads: {},
  };
  const counts = new Map<string, StatementCounts>();
  const counted = await startServers(settings, databaseUrl, true);
  try {
    for (const workload of workloads) {
      result.sameData[workload.id] = await sameData(workload, counted);
      say(`${workload.id} data check: ${result.sameData[workload.id]}`);
      counts.set(workload.id, await countStatements(workload, counted, settings));
    }
  } finally {
    await stopServers(counted);
  }
  const servers = await startServers(settings, databaseUrl, false);
  try {
    for (const workload of workloads) {
      result.workloads[workload.id] = await benchWorkload(workload, servers, counts.get(workload.id) ?? new Map(), settings);
    }
    return result;
  } finally {
    await stopServers(servers);
  }
}

/** PostGraphile and the Node every server runs on live in their own package (bench/postgraphile): installed on first use. */
function ensurePostgraphileInstalled(): void {
  const packageDir = path.join(BENCH_DIR, "postgraphile");
  if (existsSync(BENCH_NODE)) return;
  say("installing bench/postgraphile (npm ci)");
  const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: packageDir, stdio: "inherit" });
  if (npm.status !== 0) throw new Error("npm ci in bench/postgraphile failed");
}

const JSON_FILE = path.join(BENCH_DIR, "results.json");
const NOTES_FILE = path.join(BENCH_DIR, "NOTES.md");

/** Writes RESULTS.md from the results and the hand-written notes, formatted the way `npm run lint` checks them. */
function writeReport(results: ReturnType<typeof readResults>): void {
  const notes = existsSync(NOTES_FILE) ? readFileSync(NOTES_FILE, "utf8") : "";
  writeResults(JSON_FILE, path.join(BENCH_DIR, "RESULTS.md"), results, notes);
  spawnSync(path.join(BENCH_DIR, "../node_modules/.bin/biome"), [
    "format",
    "--write",
    JSON_FILE,
    path.join(BENCH_DIR, "RESULTS.md"),
  ]);
}

async function main(): Promise<void> {
  const settings = options();
  const results = readResults(JSON_FILE);
  // --report-only: after editing NOTES.md, rebuild RESULTS.md from the committed results without measuring.
  if (settings.reportOnly) return writeReport(results);
  ensurePostgraphileInstalled();
  for (const scale of settings.scales) {
    results.scales[String(scale)] = await benchScale(scale, settings);
    writeReport(results);
    say(`scale ${scale} written to bench/RESULTS.md and bench/results.json`);
  }
  if (settings.imports.length > 0) {
    results.imports = await benchImports(settings);
    writeReport(results);
    say("imports written to bench/RESULTS.md and bench/results.json");
  }
}

async function benchImports(settings: Settings): Promise<ImportRun> {
  const run: ImportRun = { measuredAt: new Date().toISOString(), machine: machine(), figures: [] };
  for (const meetings of settings.imports) {
    const figure = await timeImport(settings.adminUrl, meetings);
    say(
      `import of ${meetings} meetings: ${figure.records} records in ${figure.seconds.toFixed(1)} s, ${Math.round(figure.recordsPerSecond)} records/s`,
    );
    run.figures.push(figure);
  }
  return run;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
