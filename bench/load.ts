/** One measured run: autocannon against one server for one workload, with RSS, CPU and SQL counted. */
import autocannon from "autocannon";
import { cpuMs, type RunningServer, residentMiB } from "./servers";
import type { BenchRequest } from "./workloads";

export interface RunFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  /** Statements per request, when the server runs behind its counting proxy (null for the timed rounds). */
  sqlPerRequest: number | null;
  cpuMsPerRequest: number;
  peakRssMiB: number;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
}

/** Sends the bodies in turn (every server the same sequence) for the duration. */
export async function measure(server: RunningServer, bodies: BenchRequest[], settings: LoadSettings): Promise<RunFigures> {
  let next = 0;
  let peakRssMiB = residentMiB(server.pid);
  const sampler = setInterval(() => {
    peakRssMiB = Math.max(peakRssMiB, residentMiB(server.pid));
  }, 100);
  const statementsBefore = server.proxy?.statements() ?? 0;
  const cpuBefore = cpuMs(server.pid);
  const result = await autocannon({
    url: server.origin,
    connections: settings.connections,
    duration: settings.durationSeconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        setupRequest: (request) => {
          const body = bodies[next % bodies.length];
          next += 1;
          return { ...request, path: body.path, body: body.body };
        },
      },
    ],
  });
  clearInterval(sampler);
  const cpu = cpuMs(server.pid) - cpuBefore;
  const statements = server.proxy ? server.proxy.statements() - statementsBefore : null;
  const requests = result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    errors: result.errors + result.timeouts + result.non2xx,
    sqlPerRequest: statements !== null && requests > 0 ? statements / requests : null,
    cpuMsPerRequest: requests > 0 ? cpu / requests : 0,
    peakRssMiB: Math.max(peakRssMiB, residentMiB(server.pid)),
  };
}

/** The statements one request costs, measured alone (no concurrency), averaged over the variants. */
export async function statementsPerRequest(server: RunningServer, bodies: BenchRequest[]): Promise<number> {
  const { proxy } = server;
  if (!proxy) throw new Error(`${server.name} was not started to count statements`);
  const before = proxy.statements();
  for (const body of bodies) await send(server, body);
  return (proxy.statements() - before) / bodies.length;
}

export async function send(server: RunningServer, request: BenchRequest): Promise<unknown> {
  const response = await fetch(server.origin + request.path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: request.body,
  });
  return response.json();
}
