import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { LogLine } from "./server-harness";

/** `node dist/src/cli/start.js` as a child process, its JSON log lines parsed as they come. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first log line `matches` accepts (already seen or still to come). */
  waitForLog(matches: (line: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const START_SCRIPT = path.resolve(__dirname, "..", "..", "src", "cli", "start.js");

export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [START_SCRIPT], { env: { ...process.env, ...env }, stdio: "pipe" });
  const logs: LogLine[] = [];
  const waiters: { matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  createInterface({ input: child.stdout }).on("line", (text) => {
    if (!text.startsWith("{")) return;
    const line = JSON.parse(text) as LogLine;
    logs.push(line);
    for (const waiter of waiters.filter((candidate) => candidate.matches(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(matches) {
      const seen = logs.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ matches, resolve });
        exited.then(({ code }) => reject(new Error(`server exited (${code}) before the log line came; stderr: ${stderr}`)));
      });
    },
  };
}
