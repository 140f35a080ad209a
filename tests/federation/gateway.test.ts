import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import pino from "pino";
import { type PressSubgraph, startPressSubgraph } from "../../src/gateway/example-press-subgraph";
import { type RunningGateway, startGateway } from "../../src/gateway/gateway-server";
import { type LoggedChancery, postGraphql, startChanceryWithSqlLog } from "./chancery-with-sql-log";
import { insertFederationFixture } from "./federation-fixture";

let chancery: LoggedChancery;
let press: PressSubgraph;
let gateway: RunningGateway;

before(async () => {
  chancery = await startChanceryWithSqlLog((db) => insertFederationFixture(db.dataSource, 3));
  press = await startPressSubgraph([
    { id: "a1", headline: "Chiefs meet in Paris", meetingSlug: "meeting-001", stateCodes: ["FR", "GB"] },
    { id: "a2", headline: "Radakin hosts", meetingSlug: "meeting-002", stateCodes: ["GB"] },
    { id: "a3", headline: "Follow-up in Paris", meetingSlug: "meeting-001", stateCodes: ["FR"] },
    { id: "a4", headline: "A meeting Chancery never heard of", meetingSlug: "secret-meeting", stateCodes: [] },
  ]);
  gateway = await startGateway({
    subgraphs: [
      { name: "chancery", url: chancery.url },
      { name: "press", url: press.url },
    ],
    port: 0,
    log: pino({ level: "silent" }),
  });
});
after(async () => {
  await gateway?.close();
  await press?.close();
  await chancery?.close();
});

type Body<T> = { data?: T; errors?: { message: string }[] };

test("from Chancery into the press subgraph: a meeting's press coverage and a state's article count", async () => {
  const body = await postGraphql<
    Body<{
      meeting: { slug: string; date: string; pressCoverage: { headline: string }[] };
      state: { code: string; pressArticleCount: number };
    }>
  >(
    gateway.url,
    `{ meeting(slug: "meeting-001") { slug date pressCoverage { headline } }
       state(code: "GB") { code pressArticleCount } }`,
  );
  assert.equal(body.errors, undefined);
  assert.deepEqual(body.data, {
    meeting: {
      slug: "meeting-001",
      date: "2026-01-02",
      pressCoverage: [{ headline: "Chiefs meet in Paris" }, { headline: "Follow-up in Paris" }],
    },
    state: { code: "GB", pressArticleCount: 2 },
  });
});

test("from the press subgraph into Chancery: each article's meeting with its participants, one batch for all meetings", async () => {
  const body = await postGraphql<
    Body<{ articles: { headline: string; meeting: { date: string; participants: { official: { slug: string } }[] } | null }[] }>
  >(gateway.url, "query PressArticles { articles { headline meeting { date participants { official { slug } } } } }");
  assert.equal(body.errors, undefined);
  assert.deepEqual(body.data?.articles, [
    {
      headline: "Chiefs meet in Paris",
      meeting: {
        date: "2026-01-02",
        participants: [{ official: { slug: "fabien-mandon" } }, { official: { slug: "tony-radakin" } }],
      },
    },
    { headline: "Radakin hosts", meeting: { date: "2026-01-03", participants: [{ official: { slug: "tony-radakin" } }] } },
    {
      headline: "Follow-up in Paris",
      meeting: {
        date: "2026-01-02",
        participants: [{ official: { slug: "fabien-mandon" } }, { official: { slug: "tony-radakin" } }],
      },
    },
    { headline: "A meeting Chancery never heard of", meeting: null },
  ]);
  // The gateway asks Chancery once for the four meetings: one statement per level (meetings, participants,
  // officials), never one per article.
  const statements = chancery.sqlStatementsOf("PressArticles__chancery__1");
  assert.ok(statements !== undefined && statements >= 1 && statements <= 3, `${statements} statements`);
});

test("the gateway answers /healthz and /readyz", async () => {
  const origin = new URL(gateway.url).origin;
  assert.equal((await fetch(`${origin}/healthz`)).status, 200);
  assert.equal((await fetch(`${origin}/readyz`)).status, 200);
});

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0);
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  return typeof address === "object" && address ? address.port : 1;
}

test("npm run gateway prints an unreachable subgraph in one block and exits 1", async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), "chancery-gateway-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const configFile = path.join(dir, "gateway.config.json");
  const nowhere = `http://127.0.0.1:${await closedPort()}/graphql`;
  await writeFile(configFile, JSON.stringify({ subgraphs: [{ name: "nowhere", url: nowhere }] }));
  // Asynchronous on purpose: this process serves the Chancery subgraph the gateway composes first.
  const child = spawn(process.execPath, [path.resolve(__dirname, "../../src/cli/gateway.js")], {
    env: { ...process.env, GATEWAY_CONFIG: configFile, CHANCERY_URL: chancery.url, GATEWAY_PORT: "0", LOG_LEVEL: "silent" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const [code] = await once(child, "exit");
  assert.equal(code, 1);
  assert.equal(
    stderr,
    `Could not fetch the subgraph schemas:\n  - nowhere at ${nowhere}: fetch failed: connect ECONNREFUSED 127.0.0.1:${new URL(nowhere).port}\n`,
  );
});
