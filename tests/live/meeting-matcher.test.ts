import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { loadWorld, startWriteServer, type WriteServer } from "../writes/write-fixture";
import { type Subscriber, subscribe } from "./live-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(async () => {
  await api.close();
});

const MEETINGS_CHANGED = `subscription($filter: MeetingFilter, $after: String) {
  meetingsChanged(filter: $filter, after: $after) { change { action recordKey before } meeting { slug topics { slug } } } }`;

const RECORD_CHANGED = `subscription($after: String) { recordChanged(after: $after) { change { action recordKey } } }`;

interface MeetingEvent {
  change: { action: string; recordKey: string; before: { slug: string } | null };
  meeting: { slug: string; topics: { slug: string }[] } | null;
}

/** The coalition's meetings on security guarantees (troop deployment is a topic below it). */
const COALITION_ON_TOPIC = { coalitions: ["willing"], topics: ["security-guarantees"] };

async function newestCursor(): Promise<string> {
  const body = await api.as<{ changes: { edges: { cursor: string }[] } }>(
    Role.ADMIN,
    "{ changes(first: 1) { edges { cursor } } }",
  );
  return body.data?.changes.edges[0].cursor ?? "";
}

async function createMeeting(slug: string, fields: string): Promise<void> {
  await api.edit(
    `mutation($slug: String!) { createMeeting(input: { slug: $slug, title: [{ lang: "en", text: "Blizzard talks" }], status: HELD, ${fields} }) { slug } }`,
    { slug },
  );
}

async function deleteMeeting(slug: string): Promise<void> {
  await api.edit(`mutation($slug: String!) { deleteMeeting(slug: $slug) { key } }`, { slug });
}

/**
 * What each filtered subscriber received, once each has its `expected` count of events and a marker change
 * written after the `count` changes has reached an unfiltered subscriber (so an extra event would show).
 */
async function settled(
  marker: string,
  everything: Subscriber<unknown>,
  count: number,
  expected: [Subscriber<MeetingEvent>, number][],
) {
  for (const [subscriber, events] of expected) await subscriber.received(events);
  await api.edit(`mutation { createTopic(input: { slug: "${marker}", name: [{ lang: "en", text: "Marker" }] }) { slug } }`);
  await everything.received(count + 1);
  return expected
    .map(([subscriber]) => subscriber)
    .map((subscriber) =>
      subscriber.events.map((event) => ({ ...event, change: { ...event.change, before: event.change.before?.slug ?? null } })),
    );
}

test("a filtered subscriber receives the delete of a matching meeting and the update that moves one out, not the delete of a meeting that never matched", async () => {
  const everyPart = `coalition: "willing", topics: ["troop-deployment"], date: "2026-02-03", format: IN_PERSON, level: MINISTERS,
    location: { city: "Paris", country: "FR" }, summary: [{ lang: "en", text: "Blizzard over the Channel" }],
    participants: [{ official: "fabien-mandon", representing: "FR" }], sources: [{ source: "rbc-article" }]`;
  await createMeeting("matching-deleted", everyPart);
  await createMeeting("moved-out", `coalition: "willing", topics: ["troop-deployment"]`);
  await createMeeting("other-coalition", `topics: ["troop-deployment"]`);
  const cursor = await newestCursor();
  const onTopic = subscribe<MeetingEvent>(api.server.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: COALITION_ON_TOPIC,
    after: cursor,
  });
  // Every condition of the filter, each reading one of the meeting's parts as it was before its deletion.
  const everyCondition = {
    ...COALITION_ON_TOPIC,
    states: ["FR"],
    officials: ["fabien-mandon"],
    locatedIn: ["FR"],
    formats: ["IN_PERSON"],
    levels: ["MINISTERS"],
    statuses: ["HELD"],
    from: "2026-02-01",
    to: "2026-02-28",
    text: "channel",
    minSources: 1,
    sourceKinds: ["NEWS_ARTICLE"],
  };
  const detailed = subscribe<MeetingEvent>(api.server.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: everyCondition,
    after: cursor,
  });
  const everything = subscribe<unknown>(api.server.url, "recordChanged", RECORD_CHANGED, { after: cursor });

  await api.edit(`mutation { updateMeeting(slug: "moved-out", expectedVersion: 1, input: { topics: [] }) { version } }`);
  await deleteMeeting("matching-deleted");
  await deleteMeeting("other-coalition");
  const [onTopicEvents, detailedEvents] = await settled("marker-deletes", everything, 3, [
    [onTopic, 2],
    [detailed, 1],
  ]);

  assert.deepEqual([onTopic.errors, detailed.errors], [[], []]);
  assert.deepEqual(onTopicEvents, [
    { change: { action: "UPDATE", recordKey: "moved-out", before: "moved-out" }, meeting: { slug: "moved-out", topics: [] } },
    { change: { action: "DELETE", recordKey: "matching-deleted", before: "matching-deleted" }, meeting: null },
  ]);
  assert.deepEqual(detailedEvents, [
    { change: { action: "DELETE", recordKey: "matching-deleted", before: "matching-deleted" }, meeting: null },
  ]);
  await Promise.all([onTopic.dispose(), detailed.dispose(), everything.dispose()]);
});

test("a meeting moved to another coalition is sent to the old coalition's subscriber and the new one's; an official deleted since counts as absent", async () => {
  await api.edit(`mutation { createCoalition(input: { slug: "nordic", name: [{ lang: "en", text: "Nordic" }] }) { slug } }`);
  await api.edit(`mutation { createOfficial(input: { slug: "gone-official", name: [{ lang: "en", text: "Gone" }] }) { slug } }`);
  await createMeeting("changing-sides", `coalition: "willing", participants: [{ official: "gone-official" }]`);
  const cursor = await newestCursor();
  await api.edit(
    `mutation { updateMeeting(slug: "changing-sides", expectedVersion: 1, input: { coalition: "nordic" }) { version } }`,
  );
  await api.edit(`mutation { deleteOfficial(slug: "gone-official", cascade: true) { key } }`);
  // Subscribed after the writes and resuming from before them: the changes are matched in one batch, after the
  // official named by the first change's `before` is gone.
  const willing = subscribe<MeetingEvent>(api.server.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: { coalitions: ["willing"] },
    after: cursor,
  });
  const nordic = subscribe<MeetingEvent>(api.server.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: { coalitions: ["nordic"] },
    after: cursor,
  });
  const withOfficial = subscribe<MeetingEvent>(api.server.url, "meetingsChanged", MEETINGS_CHANGED, {
    filter: { officials: ["rich-knighton"], not: { coalitions: ["nordic"] } },
    after: cursor,
  });
  const everything = subscribe<unknown>(api.server.url, "recordChanged", RECORD_CHANGED, { after: cursor });
  const [willingEvents, nordicEvents, officialEvents] = await settled("marker-sides", everything, 3, [
    [willing, 1],
    [nordic, 2],
    [withOfficial, 0],
  ]);

  const keys = (events: { change: { action: string; recordKey: string } }[]) =>
    events.map(({ change }) => `${change.action} ${change.recordKey}`);
  assert.deepEqual([willing.errors, nordic.errors, withOfficial.errors], [[], [], []]);
  assert.deepEqual(keys(willingEvents), ["UPDATE changing-sides"]);
  assert.deepEqual(keys(nordicEvents), ["UPDATE changing-sides", "UPDATE changing-sides"]);
  assert.deepEqual(keys(officialEvents), []);
  assert.deepEqual(willing.errors, []);
  await Promise.all([willing.dispose(), nordic.dispose(), withOfficial.dispose(), everything.dispose()]);
});
