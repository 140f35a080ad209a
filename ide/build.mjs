// Builds the offline GraphiQL IDE into dist/ide: the app (ES modules, code-split), its CSS with the
// fonts inlined, Monaco's three web workers as separate bundles, and index.html. Nothing is fetched
// at run time from anywhere but the serving host. Usage: `node ide/build.mjs` (run by `npm run build`).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ideDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(ideDir, "..");
const outDir = path.join(rootDir, "dist", "ide");
const production = process.env.IDE_DEV !== "true";

/** Monaco's workers: label used by MonacoEnvironment.getWorker → module that runs inside the worker. */
const workers = {
  "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
  "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
  "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
};

const shared = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : "linked",
  target: ["es2022", "chrome120", "firefox120", "safari17"],
  legalComments: "none",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": JSON.stringify(production ? "production" : "development") },
};

/**
 * graphiql/style.css already carries Monaco's CSS (codicon font inlined), so the CSS files that
 * Monaco's ES modules import are dropped instead of becoming stray per-chunk stylesheets.
 */
const dropMonacoCss = {
  name: "drop-monaco-css",
  setup(builder) {
    builder.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes(`${path.sep}monaco-editor${path.sep}`) ? { path: args.path, namespace: "dropped-css" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "dropped-css" }, () => ({ contents: "", loader: "css" }));
  },
};

async function buildApp() {
  return build({
    ...shared,
    entryPoints: { main: path.join(ideDir, "src", "main.tsx") },
    outdir: outDir,
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
    jsx: "automatic",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "dataurl", ".png": "file" },
    plugins: [dropMonacoCss],
    metafile: true,
  });
}

async function buildWorkers() {
  const entryPoints = Object.fromEntries(
    Object.entries(workers).map(([name, module]) => [name, path.join(rootDir, "node_modules", module)]),
  );
  return build({ ...shared, entryPoints, outdir: path.join(outDir, "workers"), format: "iife" });
}

async function writeIndexHtml() {
  const template = await readFile(path.join(ideDir, "index.html"), "utf8");
  await writeFile(path.join(outDir, "index.html"), template);
}

/** Removes only what this script writes: tsc also emits compiled ide/src modules under dist/ide. */
async function cleanOutputs() {
  const generated = ["index.html", "main.js", "main.css", "chunks", "assets", "workers"];
  await Promise.all(generated.map((name) => rm(path.join(outDir, name), { recursive: true, force: true })));
  await mkdir(outDir, { recursive: true });
}

async function main() {
  const started = Date.now();
  await cleanOutputs();
  const [app] = await Promise.all([buildApp(), buildWorkers()]);
  await writeIndexHtml();
  const bytes = Object.values(app.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(`IDE built into dist/ide in ${Date.now() - started} ms (app ${(bytes / 1e6).toFixed(1)} MB + workers)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
