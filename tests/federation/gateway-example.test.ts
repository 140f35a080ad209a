import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { EXAMPLE_ARTICLES } from "../../src/gateway/example-press-subgraph";
import { seedDemoRecords } from "../../src/import/seed";
import { type LoggedChancery, postGraphql, startChanceryWithSqlLog } from "./chancery-with-sql-log";

/** The README's three commands: Chancery (here in-process, with the demo records), `npm run example:press`, `npm run gateway`. */
const CLI = path.resolve(__dirname, "../../src/cli");

interface Started {
  child: ChildProcess;
  url: string;
}

/** Runs a CLI and resolves with the URL of its "... ready at <url>" line. */
async function startCli(script: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [path.join(CLI, script)], { env: { ...process.env, ...env }, stdio: "pipe" });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const url = /ready at (http\S+)/.exec(line)?.[1];
      if (url) resolve(url);
    });
    child.once("exit", (code) => reject(new Error(`${script} exited (${code}) before it was ready: ${stderr}`)));
  });
  return { child, url: await ready };
}

async function stop(started: Started | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill("SIGTERM");
  await once(started.child, "exit");
}

let chancery: LoggedChancery;
let press: Started | undefined;
let gateway: Started | undefined;
let dir: string;

before(async () => {
  chancery = await startChanceryWithSqlLog(async (db) => {
    await seedDemoRecords(db.dataSource);
  });
  press = await startCli("example-press.js", { PRESS_PORT: "0" });
  dir = await mkdtemp(path.join(tmpdir(), "chancery-gateway-example-"));
  // gateway.config.example.json, with the port the example subgraph was given here.
  const configFile = path.join(dir, "gateway.config.json");
  await writeFile(configFile, JSON.stringify({ subgraphs: [{ name: "press", url: press.url }] }));
  gateway = await startCli("gateway.js", {
    GATEWAY_CONFIG: configFile,
    CHANCERY_URL: chancery.url,
    GATEWAY_PORT: "0",
    LOG_LEVEL: "silent",
  });
});
after(async () => {
  await stop(gateway);
  await stop(press);
  await chancery?.close();
  await rm(dir, { recursive: true, force: true });
});

type Body<T> = { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

test("the example answers a query across both subgraphs: the demo meetings' press coverage, and each article's meeting", async () => {
  const body = await postGraphql<
    Body<{
      meeting: { date: string; pressCoverage: { headline: string }[] };
      state: { pressArticleCount: number };
      articles: { headline: string; meeting: { date: string } | null }[];
    }>
  >(
    gateway!.url,
    `{ meeting(slug: "coalition-leaders-paris-2026-01-06") { date pressCoverage { headline } }
       state(code: "UA") { pressArticleCount }
       articles { headline meeting { date } } }`,
  );
  assert.equal(body.errors, undefined);
  assert.deepEqual(body.data?.meeting, {
    date: "2026-01-06",
    pressCoverage: [{ headline: "Leaders of the Coalition of the Willing gather in Paris" }],
  });
  assert.equal(body.data?.state.pressArticleCount, 3);
  // Each article's meeting comes from Chancery; the last one's is a meeting Chancery does not hold.
  assert.deepEqual(
    body.data?.articles.map((article) => [article.headline, article.meeting?.date ?? null]),
    EXAMPLE_ARTICLES.map((article, index) => [article.headline, index < 3 ? "2026-01-06" : null]),
  );
});

/** The response as text, checked for what must not leak. */
function assertNothingInternal(text: string, subgraphUrl: string): void {
  assert.doesNotMatch(text, /stacktrace/);
  assert.doesNotMatch(text, /node_modules|\/dist\//, "no file paths");
  const { host } = new URL(subgraphUrl);
  assert.ok(!text.includes(host), `the subgraph's address ${host} is not echoed: ${text}`);
}

test("a bad query through the gateway answers BAD_USER_INPUT with no stack and no schema hint", async () => {
  const response = await fetch(gateway!.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articels { headline } }" }),
  });
  const text = await response.text();
  assertNothingInternal(text, press!.url);
  const body = JSON.parse(text) as Body<unknown>;
  assert.equal(body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
  assert.doesNotMatch(text, /Did you mean/);
});

test("with the press subgraph down, the gateway answers a masked error with a request id: no stack, no subgraph URL", async () => {
  const pressUrl = press!.url;
  await stop(press);
  const response = await fetch(gateway!.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articles { headline } }" }),
  });
  const text = await response.text();
  assertNothingInternal(text, pressUrl);
  assert.doesNotMatch(text, /ECONNREFUSED/);
  const body = JSON.parse(text) as Body<unknown>;
  assert.equal(body.errors?.length, 1);
  const [error] = body.errors ?? [];
  assert.equal(error.extensions?.code, "INTERNAL_SERVER_ERROR");
  assert.equal(error.message, `Internal server error (request id ${error.extensions?.requestId})`);
});
