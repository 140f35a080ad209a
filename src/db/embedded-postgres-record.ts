/**
 * `npm start` writes where its embedded PostgreSQL listens beside the data directory
 * (`.data/postgres.json` for `.data/postgres`) and removes it on a clean stop, so that a CLI run
 * meanwhile (apikey, import, saved, migrate, seed) connects to that server's database instead of
 * failing on PostgreSQL's lock file.
 */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isProcessAlive } from "./embedded-postgres";

export interface RunningServerRecord {
  /** The Chancery server's process id. */
  pid: number;
  /** The postmaster's process id. */
  postgresPid: number;
  url: string;
  dataDir: string;
}

function recordPath(configuredDataDir: string): string {
  return `${path.resolve(configuredDataDir)}.json`;
}

/** The record of a server that is still running (both it and its PostgreSQL); undefined otherwise. */
export function readRunningServer(configuredDataDir: string): RunningServerRecord | undefined {
  let record: Partial<RunningServerRecord>;
  try {
    record = JSON.parse(readFileSync(recordPath(configuredDataDir), "utf8")) as Partial<RunningServerRecord>;
  } catch {
    return undefined;
  }
  const { pid, postgresPid, url, dataDir } = record;
  if (typeof pid !== "number" || typeof postgresPid !== "number" || typeof url !== "string" || typeof dataDir !== "string") {
    return undefined;
  }
  if (pid === process.pid || !isProcessAlive(pid) || !isProcessAlive(postgresPid)) return undefined;
  return { pid, postgresPid, url, dataDir };
}

export function writeRunningServer(configuredDataDir: string, record: RunningServerRecord): void {
  writeFileSync(recordPath(configuredDataDir), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the record if it is this process's (a second server that failed to start leaves the first one's alone). */
export function removeRunningServer(configuredDataDir: string): void {
  try {
    const record = JSON.parse(readFileSync(recordPath(configuredDataDir), "utf8")) as Partial<RunningServerRecord>;
    if (record.pid === process.pid) unlinkSync(recordPath(configuredDataDir));
  } catch {
    // No record, or not ours.
  }
}
