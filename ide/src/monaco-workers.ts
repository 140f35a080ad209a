/**
 * Tells Monaco where its web workers live: the separate bundles that ide/build.mjs writes to
 * dist/ide/workers, served by this server (never a CDN). Import this module before GraphiQL.
 */
const workerFiles: Record<string, string> = {
  json: "json.worker.js",
  graphql: "graphql.worker.js",
};

function workerUrl(label: string): URL {
  return new URL(`./workers/${workerFiles[label] ?? "editor.worker.js"}`, import.meta.url);
}

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(workerUrl(label), { name: `monaco-${label}` });
  },
};
