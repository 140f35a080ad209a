import { spawn } from "node:child_process";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled CLI (`dist/src/cli/*.js`) with node, extra environment on top of this process's; collects its output. */
export function runCli(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    // "close", not "exit": output can still be arriving when the process has exited.
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
