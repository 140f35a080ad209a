import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { importBundle } from "../../src/import/import-bundle";
import { startTestServer } from "../support/server";
import { loadWorld, startWriteServer, type WriteServer } from "../writes/write-fixture";
import { type Subscriber, subscribe } from "./live-fixture";

let a: WriteServer;
let readerKey: string;
before(async () => {
  a = await startWriteServer();
  await loadWorld(a.dataSource);
  readerKey = (await createApiKey(a.dataSource, { role: Role.READER, label: "live-reader" })).secret;
});
after(() => a.close());

/** A value of the server's /metrics (a counter or gauge without labels). */
async function metric(name: string, origin = a.server.origin): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  assert.ok(line, `${name} is not in /metrics`);
  return Number(line.slice(name.length + 1));
}

/** Resolves once the server counts `count` open subscriptions (each then follows changes from that point). */
async function openSubscriptions(count: number, origin = a.server.origin): Promise<void> {
  while ((await metric("chancery_live_subscriptions", origin)) !== count) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function disposeAll(subscribers: Subscriber<unknown>[]): Promise<void> {
  await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
  await openSubscriptions(0);
}

const MEETINGS_CHANGED = `subscription($filter: MeetingFilter) {
  meetingsChanged(filter: $filter) { cursor change { action recordKey } meeting { slug topics { slug } } } }`;

interface MeetingEvent {
  cursor: string;
  change: { action: string; recordKey: string };
  meeting: { slug: string; topics: { slug: string }[] } | null;
}

/** The SQL statements the server ran for subscriptions while one meeting was created, with `count` subscribers of one document. */
async function statementsForOneChange(count: number, slug: string): Promise<number> {
  const subscribers = Array.from({ length: count }, () =>
    subscribe<MeetingEvent>(a.server.url, "meetingsChanged", MEETINGS_CHANGED, { filter: { topics: ["security-guarantees"] } }),
  );
  await openSubscriptions(count);
  const before = await metric("chancery_live_sql_statements_total");
  await a.edit(
    `mutation($slug: String!) { createMeeting(input: { slug: $slug, title: [{ lang: "en", text: "M" }], status: HELD, topics: ["troop-deployment"] }) { slug } }`,
    { slug },
  );
  await Promise.all(subscribers.map((subscriber) => subscriber.received(1)));
  const statements = (await metric("chancery_live_sql_statements_total")) - before;
  for (const subscriber of subscribers) {
    assert.deepEqual(subscriber.events, [
      {
        cursor: subscriber.events[0].cursor,
        change: { action: "CREATE", recordKey: slug },
        meeting: { slug, topics: [{ slug: "troop-deployment" }] },
      },
    ]);
  }
  await disposeAll(subscribers);
  return statements;
}

test("20 subscribers of the same document cost the same SQL statements per change as one", async () => {
  const one = await statementsForOneChange(1, "mux-one");
  const twenty = await statementsForOneChange(20, "mux-twenty");
  assert.ok(one > 0, "building a meetingsChanged event reads the meeting");
  assert.equal(twenty, one);
});

const RECORD_CHANGED = `subscription { recordChanged(types: ["Topic"]) { cursor change { recordKey actor } } }`;

interface ChangeEvent {
  cursor: string;
  change: { recordKey: string; actor: string | null };
}

async function createTopics(prefix: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await a.edit(`mutation($slug: String!) { createTopic(input: { slug: $slug, name: [{ lang: "en", text: "T" }] }) { slug } }`, {
      slug: `${prefix}-${index}`,
    });
  }
}

test("a subscriber joining a shared document later receives the changes after it joined, once and in order, as the first keeps all of them", async () => {
  const first = subscribe<ChangeEvent>(a.server.url, "recordChanged", RECORD_CHANGED);
  await openSubscriptions(1);
  await createTopics("early", 3);
  await first.received(3);
  const second = subscribe<ChangeEvent>(a.server.url, "recordChanged", RECORD_CHANGED);
  await openSubscriptions(2);
  await createTopics("late", 2);
  await Promise.all([first.received(5), second.received(2)]);
  assert.deepEqual(
    first.events.map((event) => event.change.recordKey),
    ["early-0", "early-1", "early-2", "late-0", "late-1"],
  );
  assert.deepEqual(
    second.events.map((event) => event.change.recordKey),
    ["late-0", "late-1"],
  );
  assert.deepEqual(
    second.events.map((event) => event.cursor),
    first.events.slice(3).map((event) => event.cursor),
  );
  await disposeAll([first, second]);
});

test("the same document for an anonymous client and an API key's holder: the actor is shown to the key holder only", async () => {
  const anonymous = subscribe<ChangeEvent>(a.server.url, "recordChanged", RECORD_CHANGED);
  const holder = subscribe<ChangeEvent>(a.server.url, "recordChanged", RECORD_CHANGED, {}, `Bearer ${readerKey}`);
  await openSubscriptions(2);
  await createTopics("masked", 1);
  const [[seenByAnonymous], [seenByHolder]] = await Promise.all([anonymous.received(1), holder.received(1)]);
  assert.deepEqual(seenByAnonymous.change, { recordKey: "masked-0", actor: null });
  assert.deepEqual(seenByHolder.change, { recordKey: "masked-0", actor: "editor-key" });
  await disposeAll([anonymous, holder]);
});

test("a burst beyond LIVE_SUBSCRIBER_BUFFER closes every subscription sharing the document with 4413", async () => {
  const small = await startTestServer({ LIVE_SUBSCRIBER_BUFFER: "5" });
  try {
    const query = "subscription { recordChanged { change { recordKey } } }";
    const subscribers = [1, 2].map(() => subscribe<{ change: { recordKey: string } }>(small.url, "recordChanged", query));
    await openSubscriptions(2, small.origin);
    // One import, one transaction: 20 changes in one batch, four times the buffer.
    const topics = Array.from({ length: 20 }, (_, index) => ({ slug: `burst-${index}`, name: "Burst" }));
    await importBundle(small.db.dataSource, { topics }, { actor: "test" });
    assert.deepEqual(await Promise.all(subscribers.map((subscriber) => subscriber.closed())), [4413, 4413]);
  } finally {
    await small.close();
  }
});
