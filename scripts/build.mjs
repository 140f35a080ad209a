// Builds dist/: the server, CLIs, migrations and tests (tsc), then the offline IDE (ide/build.mjs).
//   node scripts/build.mjs             build both (`npm run build`)
//   node scripts/build.mjs --if-stale  build only a part that is missing or older than its sources
//                                      (`npm start` and the other CLI scripts)
// Each part leaves a stamp in dist/ dated from the start of its build, so an edit made during a
// build counts as newer. Without the dev dependencies (npm ci --omit=dev) nothing can be built: a
// built dist/ is used as it is, a missing one is reported in one line.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

/** TypeScript's compiler, from its package's `bin` (the package exports no path to it). */
function tsc() {
  const manifest = require.resolve("typescript/package.json");
  return path.join(path.dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.tsc);
}

const parts = [
  {
    name: "server",
    sources: ["src", "migrations", "tests", "bench", "tsconfig.json"],
    output: "dist/src/cli/start.js",
    stamp: "dist/.built-server",
    tools: ["typescript/package.json"],
    steps: () => [[tsc(), "-p", "."]],
  },
  {
    name: "IDE",
    sources: ["ide", "package-lock.json"],
    output: "dist/ide/index.html",
    stamp: "dist/.built-ide",
    tools: ["typescript/package.json", "esbuild"],
    steps: () => [[tsc(), "-p", "ide"], ["ide/build.mjs"]],
  },
];

/** Newest modification time under `entry` (files and folders, so a deleted file counts too). */
function newestChange(entry) {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child !== "node_modules") newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

function isStale(part) {
  const stamp = statSync(path.join(root, part.stamp), { throwIfNoEntry: false });
  if (!stamp || !existsSync(path.join(root, part.output))) return true;
  return part.sources.some((source) => newestChange(path.join(root, source)) > stamp.mtimeMs);
}

function toolsInstalled(part) {
  return part.tools.every((tool) => {
    try {
      require.resolve(tool);
      return true;
    } catch {
      return false;
    }
  });
}

function build(part) {
  const started = new Date();
  for (const args of part.steps()) {
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  const stamp = path.join(root, part.stamp);
  writeFileSync(stamp, `${started.toISOString()}\n`);
  utimesSync(stamp, started, started);
}

const ifStale = process.argv.includes("--if-stale");
for (const part of parts) {
  if (ifStale && !isStale(part)) continue;
  if (toolsInstalled(part)) {
    build(part);
  } else if (!ifStale) {
    console.error(
      `chancery: cannot build the ${part.name}: the build tools (dev dependencies) are not installed; run \`npm install\``,
    );
    process.exit(1);
  } else if (!existsSync(path.join(root, part.output))) {
    // A stale build is used as it is: without the dev dependencies the sources are not meant to change.
    console.error(
      `chancery: the ${part.name} is not built (${part.output} is missing) and the build tools are not installed: run \`npm install && npm run build\``,
    );
    if (part.name === "server") process.exit(1);
  }
}
