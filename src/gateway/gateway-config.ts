import { readFileSync } from "node:fs";
import { ConfigError, processEnvironment, readHttpTimeouts } from "../config";

/**
 * What `npm run gateway` composes: the subgraphs named in a JSON file (`GATEWAY_CONFIG`, default
 * `gateway.config.json`), plus this service at `CHANCERY_URL` unless the file names a subgraph
 * `chancery` or says `"includeChancery": false`.
 *
 *   { "subgraphs": [{ "name": "press", "url": "http://localhost:4200/graphql" }] }
 */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export interface GatewayConfig {
  port: number;
  subgraphs: SubgraphEndpoint[];
  /** KEEP_ALIVE_TIMEOUT_MS and HEADERS_TIMEOUT_MS, as for the service. */
  keepAliveTimeoutMs: number;
  headersTimeoutMs: number;
}

export const CHANCERY_SUBGRAPH = "chancery";

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a whole number from 0 to 65535`);
  }
  return port;
}

/** PRESS_PORT: where `npm run example:press` serves the example press subgraph (the example config's 4200). */
export function loadPressExamplePort(env: NodeJS.ProcessEnv = processEnvironment()): number {
  return readPort(env, "PRESS_PORT", 4200);
}

function readUrl(where: string, raw: unknown): string {
  if (typeof raw !== "string") throw new ConfigError(`${where} must be a URL string`);
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(`${where}=${JSON.stringify(raw)} is not an http(s) URL`);
}

function parseSubgraph(file: string, entry: unknown, index: number): SubgraphEndpoint {
  const where = `${file}: subgraphs[${index}]`;
  if (typeof entry !== "object" || entry === null) throw new ConfigError(`${where} must be { "name", "url" }`);
  const { name, url } = entry as Record<string, unknown>;
  if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) {
    throw new ConfigError(`${where}.name must be a name of letters, digits, - and _`);
  }
  return { name, url: readUrl(`${where}.url`, url) };
}

/** The file's subgraphs (none when the file does not exist) and whether Chancery is to be added. */
function readConfigFile(file: string): { subgraphs: SubgraphEndpoint[]; includeChancery: boolean } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { subgraphs: [], includeChancery: true };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null) throw new ConfigError(`${file} must hold a JSON object`);
  const { subgraphs = [], includeChancery = true } = json as Record<string, unknown>;
  if (!Array.isArray(subgraphs)) throw new ConfigError(`${file}: "subgraphs" must be an array of { "name", "url" }`);
  if (typeof includeChancery !== "boolean") throw new ConfigError(`${file}: "includeChancery" must be true or false`);
  return { subgraphs: subgraphs.map((entry, index) => parseSubgraph(file, entry, index)), includeChancery };
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = processEnvironment()): GatewayConfig {
  const file = env.GATEWAY_CONFIG || "gateway.config.json";
  const { subgraphs, includeChancery } = readConfigFile(file);
  const chanceryUrl = readUrl("CHANCERY_URL", env.CHANCERY_URL || `http://localhost:${env.PORT || 4000}/graphql`);
  const all = [...subgraphs];
  if (includeChancery && !all.some((subgraph) => subgraph.name === CHANCERY_SUBGRAPH)) {
    all.unshift({ name: CHANCERY_SUBGRAPH, url: chanceryUrl });
  }
  const names = all.map((subgraph) => subgraph.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new ConfigError(`${file}: subgraph "${duplicate}" is named twice`);
  if (all.length === 0) throw new ConfigError(`${file} names no subgraph and "includeChancery" is false`);
  return { port: readPort(env, "GATEWAY_PORT", 4100), subgraphs: all, ...readHttpTimeouts(env) };
}
