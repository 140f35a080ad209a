import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { adminQuery } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";
import { loadWorld, startWriteServer, type WriteServer } from "../writes/write-fixture";
import { subscribe } from "./live-fixture";

// Two instances on one database: writes go through A, subscribers listen on B (and A).
let a: WriteServer;
let b: TestServer;
before(async () => {
  a = await startWriteServer();
  await loadWorld(a.dataSource);
  b = await startTestServer({}, { db: a.server.db });
});
after(async () => {
  await b.close();
  await a.close();
});

interface ChangeEvent {
  cursor: string;
  change: { action: string; recordType: string; recordKey: string; version: number; actor: string | null };
}

const RECORD_CHANGED = `subscription($types: [String!], $keys: [String!], $after: String) {
  recordChanged(types: $types, keys: $keys, after: $after) { cursor change { action recordType recordKey version actor } } }`;

/** The cursor of the newest history entry, to subscribe from "now" without a race. */
async function newestCursor(): Promise<string> {
  const body = await a.as<{ changes: { edges: { cursor: string }[] } }>(Role.ADMIN, "{ changes(first: 1) { edges { cursor } } }");
  return body.data?.changes.edges[0].cursor ?? "";
}

async function createTopics(prefix: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await a.edit(`mutation($slug: String!) { createTopic(input: { slug: $slug, name: [{ lang: "en", text: "T" }] }) { slug } }`, {
      slug: `${prefix}-${index}`,
    });
  }
}

test("a write through instance A reaches a subscriber on instance B, with its cursor and the history's fields", async () => {
  const subscriber = subscribe<ChangeEvent>(b.url, "recordChanged", RECORD_CHANGED, {
    types: ["Topic"],
    after: await newestCursor(),
  });
  await createTopics("cross", 1);
  const [event] = await subscriber.received(1);
  assert.deepEqual(event.change, { action: "CREATE", recordType: "Topic", recordKey: "cross-0", version: 1, actor: null });
  assert.ok(event.cursor.length > 0);
  await subscriber.dispose();
});

test("a subscriber that misses 50 changes and resumes with its cursor on the other instance gets exactly those 50 in order, then live ones", async () => {
  const first = subscribe<ChangeEvent>(a.server.url, "recordChanged", RECORD_CHANGED, {
    types: ["Topic"],
    after: await newestCursor(),
  });
  await createTopics("before", 1);
  const [seen] = await first.received(1);
  await first.dispose();

  await createTopics("missed", 50);
  const resumed = subscribe<ChangeEvent>(b.url, "recordChanged", RECORD_CHANGED, { types: ["Topic"], after: seen.cursor });
  await resumed.received(50);
  await createTopics("live", 2);
  const events = await resumed.received(52);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const keys = resumed.events.map((event) => event.change.recordKey);
  assert.deepEqual(keys, [...Array.from({ length: 50 }, (_, index) => `missed-${index}`), "live-0", "live-1"]);
  assert.equal(events.length, 52);
  await resumed.dispose();
});

test("the LISTEN connection terminated by the database mid-stream: nothing lost, nothing duplicated", async () => {
  const subscriber = subscribe<ChangeEvent>(b.url, "recordChanged", RECORD_CHANGED, {
    types: ["Topic"],
    after: await newestCursor(),
  });
  await createTopics("pre-kill", 5);
  await subscriber.received(5);
  await adminQuery(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${a.server.db.name}' AND application_name = 'chancery-listen'`,
  );
  await createTopics("post-kill", 20);
  await subscriber.received(25);
  await createTopics("after-reconnect", 3);
  await subscriber.received(28);
  const keys = subscriber.events.map((event) => event.change.recordKey);
  assert.deepEqual(keys, [
    ...Array.from({ length: 5 }, (_, index) => `pre-kill-${index}`),
    ...Array.from({ length: 20 }, (_, index) => `post-kill-${index}`),
    ...Array.from({ length: 3 }, (_, index) => `after-reconnect-${index}`),
  ]);
  await subscriber.dispose();
});

const MEETINGS_CHANGED = `subscription($filter: MeetingFilter, $after: String) {
  meetingsChanged(filter: $filter, after: $after) { cursor change { action recordKey } meeting { slug topics { slug } } } }`;

interface MeetingEvent {
  cursor: string;
  change: { action: string; recordKey: string };
  meeting: { slug: string; topics: { slug: string }[] } | null;
}

test("meetingsChanged matches a meeting on a descendant of the filter's topic, and a non-matching filter receives nothing", async () => {
  const after = await newestCursor();
  const onTopic = subscribe<MeetingEvent>(b.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: { topics: ["security-guarantees"] },
    after,
  });
  const elsewhere = subscribe<MeetingEvent>(b.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: { coalitions: ["willing"] },
    after,
  });
  const everything = subscribe<ChangeEvent>(b.url, "recordChanged", RECORD_CHANGED, { after });
  await a.edit(
    `mutation { createMeeting(input: { slug: "troops-talk", title: [{ lang: "en", text: "Troops" }], status: HELD, topics: ["troop-deployment"] }) { slug } }`,
  );
  await createTopics("marker", 1);
  // The marker comes after the meeting: once it arrived, every subscriber has had its chance at the meeting.
  await everything.received(2);
  const [event] = await onTopic.received(1);
  assert.deepEqual(event, {
    cursor: event.cursor,
    change: { action: "CREATE", recordKey: "troops-talk" },
    meeting: { slug: "troops-talk", topics: [{ slug: "troop-deployment" }] },
  });
  assert.deepEqual(elsewhere.events, []);
  await Promise.all([onTopic.dispose(), elsewhere.dispose(), everything.dispose()]);
});

test("an unknown topic in a meetingsChanged filter is a BAD_USER_INPUT naming it", async () => {
  const subscriber = subscribe<MeetingEvent>(b.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: { topics: ["no-such-topic"] },
  });
  const [error] = (await subscriber.failed()) as { message: string; extensions?: { code?: string } }[];
  assert.match(JSON.stringify(error), /no-such-topic/);
  await subscriber.dispose();
});
