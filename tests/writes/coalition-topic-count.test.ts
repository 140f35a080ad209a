import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords } from "../../src/import/seed";
import { startWriteServer, type WriteServer } from "./write-fixture";

/**
 * A coalition's `meetings(filter: { topics })` counts from meeting_topic's copy of each meeting's coalition
 * (migration MeetingTopicCoalition); these writes must keep that count equal to the meetings listed and to the
 * top-level `meetings(filter: { coalitions, topics })`, which counts from the meetings themselves.
 */
let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await seedDemoRecords(api.dataSource);
  await api.edit(
    `mutation { createCoalition(input: { slug: "weimar", name: [{ lang: "en", text: "Weimar Triangle" }] }) { slug } }`,
  );
});
after(() => api.close());

const COALITIONS = ["coalition-of-the-willing", "weimar"];
const TOPICS = ["troop-deployment", "security-guarantees", "ceasefire"];

type Page = { totalCount: number; nodes: { slug: string }[] };

/** The count of every coalition and topic, each checked against the meetings listed and the top-level count. */
async function counts(): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const coalition of COALITIONS) {
    for (const topic of TOPICS) {
      const data = await api.edit<{ coalition: { meetings: Page }; coalitions: { nodes: { meetings: Page }[] }; meetings: Page }>(
        `query ($coalition: String!, $topic: String!) {
          coalition(slug: $coalition) { meetings(first: 100, filter: { topics: [$topic] }) { totalCount nodes { slug } } }
          coalitions(filter: { slugs: [$coalition] }) { nodes { meetings(filter: { topics: [$topic] }) { totalCount } } }
          meetings(first: 100, filter: { coalitions: [$coalition], topics: [$topic] }) { totalCount nodes { slug } } }`,
        { coalition, topic },
      );
      const nested = data.coalition.meetings;
      const where = `${coalition} on ${topic}`;
      assert.equal(nested.totalCount, nested.nodes.length, where);
      assert.equal(data.coalitions.nodes[0].meetings.totalCount, nested.totalCount, where);
      assert.equal(data.meetings.totalCount, nested.totalCount, where);
      assert.deepEqual(nested.nodes.map((node) => node.slug).sort(), data.meetings.nodes.map((node) => node.slug).sort(), where);
      found[`${coalition} ${topic}`] = nested.totalCount;
    }
  }
  return found;
}

/** `before` with the given counts changed by the given amounts. */
function changed(before: Record<string, number>, deltas: Record<string, number>): Record<string, number> {
  const after = { ...before };
  for (const [key, delta] of Object.entries(deltas)) after[key] += delta;
  return after;
}

test("topic counts of coalitions follow meetings created, moved between coalitions, retopiced and deleted", async () => {
  const start = await counts();
  assert.ok(start["coalition-of-the-willing troop-deployment"] > 0, "the demo records have troop deployment meetings");
  assert.ok(start["coalition-of-the-willing security-guarantees"] >= start["coalition-of-the-willing troop-deployment"]);

  await api.edit(`mutation { createMeeting(input: { slug: "weimar-summit", title: [{ lang: "en", text: "Weimar summit" }],
    status: HELD, coalition: "weimar", topics: ["troop-deployment"] }) { slug } }`);
  const created = await counts();
  assert.deepEqual(created, changed(start, { "weimar troop-deployment": 1, "weimar security-guarantees": 1 }));

  await api.edit(
    `mutation { updateMeeting(slug: "weimar-summit", expectedVersion: 1, input: { coalition: "coalition-of-the-willing" }) { slug } }`,
  );
  const moved = await counts();
  assert.deepEqual(
    moved,
    changed(start, { "coalition-of-the-willing troop-deployment": 1, "coalition-of-the-willing security-guarantees": 1 }),
  );

  await api.edit(`mutation { addMeetingTopic(meeting: "weimar-summit", topic: "ceasefire") { slug } }`);
  assert.deepEqual(await counts(), changed(moved, { "coalition-of-the-willing ceasefire": 1 }));

  await api.edit(
    `mutation { updateMeeting(slug: "weimar-summit", expectedVersion: 3, input: { topics: ["ceasefire"], coalition: "weimar" }) { slug } }`,
  );
  assert.deepEqual(await counts(), changed(start, { "weimar ceasefire": 1 }));

  await api.edit(`mutation { updateMeeting(slug: "weimar-summit", expectedVersion: 4, input: { coalition: null }) { slug } }`);
  assert.deepEqual(await counts(), start);

  await api.edit(`mutation { deleteMeeting(slug: "weimar-summit", expectedVersion: 5) { key } }`);
  assert.deepEqual(await counts(), start);
});
