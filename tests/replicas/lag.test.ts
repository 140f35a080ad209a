import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Instance, type ReplicaPair, startInstance, startReplicaPairWithEditor } from "../support/replica";

let pair: ReplicaPair | undefined;
let skipReason: string | undefined;
let instance: Instance | undefined;
let editorKey = "";

before(async () => {
  const started = await startReplicaPairWithEditor("lag-test");
  if ("skipReason" in started) {
    skipReason = started.skipReason;
    return;
  }
  ({ pair, editorKey } = started);
  instance = await startInstance(pair, { REPLICA_MAX_LAG_MS: "300", REPLICA_CHECK_INTERVAL_MS: "100" });
});

after(async () => {
  await instance?.close();
  await pair?.close();
});

interface Readyz {
  status: string;
  replicas: { url: string; state: string; lagMs: number | null }[];
}

async function readyz(): Promise<{ status: number; body: Readyz }> {
  const response = await fetch(`${instance!.origin}/readyz`);
  return { status: response.status, body: (await response.json()) as Readyz };
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`gave up waiting: ${what}`);
}

test("a replica that stops replaying leaves the rotation, /readyz and /metrics say so, and it returns once it catches up", async (t) => {
  if (!pair || !instance) return t.skip(skipReason);
  const server = instance;
  const first = await readyz();
  assert.equal(first.status, 200);
  assert.equal(first.body.replicas.length, 1);
  assert.equal(first.body.replicas[0].state, "up");
  assert.ok(!first.body.replicas[0].url.includes(":postgres@"), "the URL is shown without its password");

  await pair.onReplica("SELECT pg_wal_replay_pause()");
  const created = await server.graphql(
    `mutation { createState(input: { code: "LG", name: [{ lang: "en", text: "Lagland" }] }) { code } }`,
    {},
    { authorization: `Bearer ${editorKey}` },
  );
  assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));

  await until(async () => (await readyz()).body.replicas[0].state === "lagging", "the replica reported lagging");
  const lagging = await readyz();
  assert.equal(lagging.status, 200, "a lagging replica never makes the server unready: the primary serves");
  assert.ok((lagging.body.replicas[0].lagMs ?? 0) > 300, `lag ${lagging.body.replicas[0].lagMs} ms`);
  const metrics = await (await fetch(`${server.origin}/metrics`)).text();
  assert.match(metrics, /^chancery_replica_up\{replica="[^"]+"\} 0$/m);
  assert.match(metrics, /^chancery_replica_lag_seconds\{replica="[^"]+"\} \d/m);
  // Out of rotation, the replica that has not replayed the write serves no read: even without a token, the write is there.
  const read = await server.graphql<{ state: { name: string } | null }>(`{ state(code: "LG") { name } }`);
  assert.deepEqual(read.body.data?.state, { name: "Lagland" });

  await pair.onReplica("SELECT pg_wal_replay_resume()");
  await until(async () => (await readyz()).body.replicas[0].state === "up", "the replica back in rotation");
  assert.match(await (await fetch(`${server.origin}/metrics`)).text(), /^chancery_replica_up\{replica="[^"]+"\} 1$/m);
});

test("a replica that is down when an instance starts joins the rotation once it answers", async (t) => {
  if (!pair) return t.skip(skipReason);
  await pair.stopReplica();
  const late = await startInstance(pair, { REPLICA_CHECK_INTERVAL_MS: "100" });
  try {
    const ready = await fetch(`${late.origin}/readyz`);
    assert.equal(ready.status, 200, "the primary serves meanwhile");
    assert.equal(((await ready.json()) as Readyz).replicas[0].state, "down");
    const read = await late.graphql(`{ states(first: 1) { totalCount } }`);
    assert.equal(read.body.errors, undefined);
    await pair.startReplica();
    await until(
      async () => ((await (await fetch(`${late.origin}/readyz`)).json()) as Readyz).replicas[0].state === "up",
      "the replica in rotation",
    );
    await late.graphql(`{ states(first: 1) { totalCount } }`);
    const metrics = await (await fetch(`${late.origin}/metrics`)).text();
    assert.match(
      metrics,
      /^chancery_replica_reads_total\{replica="[^"]+"\} 1$/m,
      "the read after it came up went to the replica",
    );
  } finally {
    await late.close();
  }
});
