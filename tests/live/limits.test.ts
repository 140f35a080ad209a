import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { createApiKey, revokeApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { importBundle } from "../../src/import/import-bundle";
import { startTestServer, type TestServer } from "../support/server";
import { subscribe, wsUrl } from "./live-fixture";

const ANY_CHANGE = "subscription { recordChanged { cursor } }";

let server: TestServer;
let readerKey: string;
let editorKey: string;
before(async () => {
  server = await startTestServer({
    REQUIRE_AUTH: "true",
    SAFELIST: "true",
    LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: "1",
    LIVE_KEY_CHECK_MS: "200",
    MAX_QUERY_DEPTH: "4",
  });
  readerKey = (await createApiKey(server.db.dataSource, { role: Role.READER, label: "reader" })).secret;
  editorKey = (await createApiKey(server.db.dataSource, { role: Role.EDITOR, label: "editor" })).secret;
});
after(() => server.close());

test("an anonymous subscriber under REQUIRE_AUTH is refused with 4401", async () => {
  const anonymous = subscribe(server.url, "recordChanged", ANY_CHANGE);
  assert.equal(await anonymous.closed(), 4401);
});

test("a READER under SAFELIST cannot open an arbitrary subscription (FORBIDDEN)", async () => {
  const reader = subscribe(server.url, "recordChanged", ANY_CHANGE, {}, `Bearer ${readerKey}`);
  const [error] = (await reader.failed()) as { extensions?: { code?: string } }[];
  assert.equal(error.extensions?.code, "FORBIDDEN");
  await reader.dispose();
});

test("the depth limit applies to a subscription document", async () => {
  const deep = subscribe(
    server.url,
    "meetingsChanged",
    "subscription { meetingsChanged { meeting { coalition { members { state { code } } } } } }",
    {},
    `Bearer ${editorKey}`,
  );
  const [error] = (await deep.failed()) as { extensions?: { code?: string; limit?: string } }[];
  assert.deepEqual([error.extensions?.code, error.extensions?.limit], ["QUERY_TOO_COMPLEX", "maxDepth"]);
  await deep.dispose();
});

test("a second subscription on a connection limited to one closes it with 4429", async () => {
  let code = 0;
  const client = createClient({
    url: wsUrl(server.url),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${editorKey}` },
    on: { closed: (event) => (code = (event as { code: number }).code) },
  });
  const sink = { next: () => {}, error: () => {}, complete: () => {} };
  client.subscribe({ query: ANY_CHANGE }, sink);
  client.subscribe({ query: ANY_CHANGE }, sink);
  await new Promise<void>((resolve) => {
    const poll = () => (code !== 0 ? resolve() : setTimeout(poll, 10));
    poll();
  });
  assert.equal(code, 4429);
  await client.dispose();
});

test("a revoked key's connection is closed with 4401", async () => {
  const { secret, key } = await createApiKey(server.db.dataSource, { role: Role.EDITOR, label: "to-revoke" });
  const write = (slug: string) =>
    server.graphql<{ createTopic: { history: { edges: { cursor: string }[] } } }>(
      `mutation($slug: String!) { createTopic(input: { slug: $slug, name: [{ lang: "en", text: "T" }] }) { history(first: 1) { edges { cursor } } } }`,
      { slug },
      { authorization: `Bearer ${editorKey}` },
    );
  const { body } = await write("t0");
  const cursor = body.data?.createTopic.history.edges[0].cursor;
  const subscriber = subscribe(
    server.url,
    "recordChanged",
    "subscription($after: String) { recordChanged(after: $after) { cursor } }",
    { after: cursor },
    `Bearer ${secret}`,
  );
  // An event proves the subscription is open before the key goes.
  await write("t1");
  await subscriber.received(1);
  await revokeApiKey(server.db.dataSource, String(key.id));
  assert.equal(await subscriber.closed(), 4401);
});

test("more changes at once than LIVE_SUBSCRIBER_BUFFER close the connection with 4413; resuming with `after` replays them all", async () => {
  const small = await startTestServer({ LIVE_SUBSCRIBER_BUFFER: "5" });
  try {
    await importBundle(small.db.dataSource, { topics: [{ slug: "start", name: "Start" }] }, { actor: "test" });
    const { body } = await small.graphql<{ topic: { history: { edges: { cursor: string }[] } } }>(
      `{ topic(slug: "start") { history(first: 1) { edges { cursor } } } }`,
    );
    const cursor = body.data?.topic.history.edges[0].cursor;
    const query = "subscription($after: String) { recordChanged(after: $after) { cursor change { recordKey } } }";
    const burst = subscribe<{ change: { recordKey: string } }>(small.url, "recordChanged", query, { after: cursor });
    // One import, one transaction: 20 changes reach the subscription in one batch, four times its buffer.
    await importBundle(small.db.dataSource, { topics: [{ slug: "marker", name: "Marker" }] }, { actor: "test" });
    await burst.received(1);
    const topics = Array.from({ length: 20 }, (_, index) => ({ slug: `burst-${index}`, name: "Burst" }));
    await importBundle(small.db.dataSource, { topics }, { actor: "test" });
    assert.equal(await burst.closed(), 4413);

    const resumed = subscribe<{ change: { recordKey: string } }>(small.url, "recordChanged", query, { after: cursor });
    const events = await resumed.received(21);
    assert.deepEqual(
      events.map((event) => event.change.recordKey),
      ["marker", ...topics.map((topic) => topic.slug)],
    );
    await resumed.dispose();
  } finally {
    await small.close();
  }
});
