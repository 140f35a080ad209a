import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Instance, type ReplicaPair, startInstance, startReplicaPairWithEditor } from "../support/replica";

let pair: ReplicaPair | undefined;
let skipReason: string | undefined;
let instances: Instance[] = [];
let editorKey = "";

const STATE = `query($code: String!) { state(code: $code) { name version } }`;
const RENAME = `mutation($code: String!, $name: String!, $version: Int!) {
  updateState(code: $code, input: { name: [{ lang: "en", text: $name }] }, expectedVersion: $version) { version }
}`;

before(async () => {
  const started = await startReplicaPairWithEditor("replica-test");
  if ("skipReason" in started) {
    skipReason = started.skipReason;
    return;
  }
  ({ pair, editorKey } = started);
  // Checked once a second: the replica's own statements are then almost all the requests'.
  instances = [
    await startInstance(pair, { REPLICA_CHECK_INTERVAL_MS: "1000" }),
    await startInstance(pair, { REPLICA_CHECK_INTERVAL_MS: "1000" }),
  ];
});

after(async () => {
  for (const instance of instances) await instance.close();
  await pair?.close();
});

const asEditor = () => ({ authorization: `Bearer ${editorKey}` });

async function createState(code: string): Promise<void> {
  const created = await instances[0].graphql(
    `mutation($code: String!) { createState(input: { code: $code, name: [{ lang: "en", text: "v0" }] }) { version } }`,
    { code },
    asEditor(),
  );
  assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
}

/** Transactions the `chancery` database of a server has committed (flushed to the statistics by idle backends). */
async function commits(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<number> {
  const [row] = await run("SELECT xact_commit::int AS commits FROM pg_stat_database WHERE datname = current_database()");
  return Number(row.commits);
}

async function until(condition: () => Promise<boolean>, what: string, tries = 300): Promise<void> {
  for (let attempt = 0; attempt < tries; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`gave up waiting: ${what}`);
}

test("queries on both instances are served by the replica, not the primary", async (t) => {
  if (!pair) return t.skip(skipReason);
  const replicaBefore = await commits(pair.onReplica);
  const primaryBefore = await commits(pair.onPrimary);
  const reads = 200;
  for (let i = 0; i < reads; i++) {
    const { body } = await instances[i % 2].graphql(`{ states(first: 5) { totalCount } }`);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  }
  // Backends publish their counts a moment after going idle: wait for the replica's to arrive.
  await until(async () => (await commits(pair!.onReplica)) - replicaBefore >= reads, `${reads} transactions on the replica`);
  const onPrimary = (await commits(pair.onPrimary)) - primaryBefore;
  assert.ok(onPrimary < reads / 2, `the primary ran ${onPrimary} transactions for ${reads} reads`);
});

test("1,000 write-then-read pairs alternating between instances: each read with the token sees its write", async (t) => {
  if (!pair) return t.skip(skipReason);
  const chains = ["QA", "QB", "QC", "QD", "QE", "QF", "QG", "QH"];
  for (const code of chains) await createState(code);
  let fromReplica = 0;
  const metricsBefore = await replicaReads();
  await Promise.all(
    chains.map(async (code, chain) => {
      let version = 1;
      for (let i = 1; i <= 1000 / chains.length; i++) {
        const writer = instances[(i + chain) % 2];
        const reader = instances[(i + chain + 1) % 2];
        const name = `${code}-${i}`;
        const written = await writer.graphql<{ updateState: { version: number } }>(RENAME, { code, name, version }, asEditor());
        assert.equal(written.body.errors, undefined, JSON.stringify(written.body.errors));
        const token = written.headers.get("x-chancery-consistency");
        assert.ok(token, "the write's response carries a consistency token");
        assert.equal(written.body.extensions?.consistency, token);
        version = written.body.data!.updateState.version;
        const read = await reader.graphql<{ state: { name: string; version: number } }>(
          STATE,
          { code },
          {
            "x-chancery-consistency": token,
          },
        );
        assert.equal(read.body.errors, undefined, JSON.stringify(read.body.errors));
        assert.deepEqual(read.body.data?.state, { name, version }, `pair ${i} of ${code}`);
      }
    }),
  );
  fromReplica = (await replicaReads()) - metricsBefore;
  t.diagnostic(`${fromReplica} of the 1000 token reads (and the writes' 0) were served by the replica`);
});

test("the replica stopped in the middle of a load of reads: no request fails, and it is back in rotation after a restart", async (t) => {
  if (!pair) return t.skip(skipReason);
  const current = pair;
  let done = 0;
  const failures: string[] = [];
  let stop = false;
  const worker = async (index: number) => {
    while (!stop) {
      const { status, body } = await instances[index % 2].graphql(`{ states(first: 3) { nodes { code name } } }`);
      if (status !== 200 || body.errors) failures.push(`${status} ${JSON.stringify(body.errors)}`);
      done += 1;
    }
  };
  const workers = Array.from({ length: 8 }, (_, index) => worker(index));
  try {
    await until(async () => done >= 200, "200 reads before the stop");
    await current.stopReplica();
    const atStop = done;
    await until(async () => done >= atStop + 400, "400 reads after the stop");
    for (const instance of instances) assert.equal((await readyz(instance)).replicas[0].state, "down");
  } finally {
    stop = true;
    await Promise.all(workers);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${done} requests failed`);

  await current.startReplica();
  for (const instance of instances)
    await until(async () => (await readyz(instance)).replicas[0].state === "up", "the replica back in rotation");
  const before = await replicaReads();
  for (let i = 0; i < 10; i++) await instances[i % 2].graphql(`{ states(first: 1) { totalCount } }`);
  assert.equal((await replicaReads()) - before, 10, "every read goes to the replica again");
});

async function readyz(
  instance: Instance,
): Promise<{ status: string; replicas: { url: string; state: string; lagMs: number | null }[] }> {
  const response = await fetch(`${instance.origin}/readyz`);
  return response.json() as never;
}

/** chancery_replica_reads_total summed over both instances. */
async function replicaReads(): Promise<number> {
  let total = 0;
  for (const instance of instances) {
    const text = await (await fetch(`${instance.origin}/metrics`)).text();
    const line = text.split("\n").find((row) => row.startsWith("chancery_replica_reads_total{"));
    total += line ? Number(line.split(" ").pop()) : 0;
  }
  return total;
}
