import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { loadWorld, startWriteServer, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer();
  await loadWorld(api.dataSource);
});
after(() => api.close());

test("createState then updateState: the version rises by one and the new values are read back", async () => {
  const created = await api.edit<{ createState: { code: string; name: string; version: number } }>(
    `mutation { createState(input: { code: "PL", name: [{ lang: "en", text: "Poland" }, { lang: "ru", text: "Польша" }] }) { code name version } }`,
  );
  assert.deepEqual(created.createState, { code: "PL", name: "Poland", version: 1 });
  const updated = await api.edit<{ updateState: { name: string; version: number } }>(
    `mutation { updateState(code: "PL", expectedVersion: 1, input: { name: [{ lang: "en", text: "Republic of Poland" }] }) { name version } }`,
  );
  assert.deepEqual(updated.updateState, { name: "Republic of Poland", version: 2 });
});

test("createSource and updateSource, clearing a nullable field with null", async () => {
  const created = await api.edit<{ createSource: Record<string, unknown> }>(
    `mutation { createSource(input: { slug: "bbc-report", kind: NEWS_ARTICLE, title: [{ lang: "en", text: "Report" }],
        publisher: "BBC", url: "https://bbc.co.uk/x", language: "en", publishedAt: "2026-01-07T10:00:00Z" }) {
        slug kind title publisher url language publishedAt version } }`,
  );
  assert.deepEqual(created.createSource, {
    slug: "bbc-report",
    kind: "NEWS_ARTICLE",
    title: "Report",
    publisher: "BBC",
    url: "https://bbc.co.uk/x",
    language: "en",
    publishedAt: "2026-01-07T10:00:00.000Z",
    version: 1,
  });
  const updated = await api.edit<{ updateSource: Record<string, unknown> }>(
    `mutation { updateSource(slug: "bbc-report", expectedVersion: 1, input: { kind: OTHER, url: null }) { kind url publisher version } }`,
  );
  assert.deepEqual(updated.updateSource, { kind: "OTHER", url: null, publisher: "BBC", version: 2 });
});

test("createTopic under a parent, then updateTopic moves it to the root", async () => {
  const created = await api.edit<{ createTopic: { slug: string; parent: { slug: string } | null } }>(
    `mutation { createTopic(input: { slug: "air-policing", name: [{ lang: "en", text: "Air policing" }], parent: "security-guarantees" }) {
        slug parent { slug } } }`,
  );
  assert.deepEqual(created.createTopic, { slug: "air-policing", parent: { slug: "security-guarantees" } });
  const updated = await api.edit<{ updateTopic: { parent: null; version: number } }>(
    `mutation { updateTopic(slug: "air-policing", expectedVersion: 1, input: { parent: null }) { parent { slug } version } }`,
  );
  assert.deepEqual(updated.updateTopic, { parent: null, version: 2 });
});

test("createCoalition with members and citations; updateCoalition replaces the members", async () => {
  const created = await api.edit<{ createCoalition: { slug: string; members: { state: { code: string }; role: string }[] } }>(
    `mutation { createCoalition(input: { slug: "weimar", name: [{ lang: "en", text: "Weimar Triangle" }], foundedOn: "1991-08-28",
        members: [{ state: "FR", role: FOUNDER, since: "1991-08-28", sources: [{ source: "rbc-article", quote: "q" }] },
                  { state: "DE", role: FOUNDER }] }) { slug foundedOn members { state { code } role } } }`,
  );
  assert.equal(created.createCoalition.slug, "weimar");
  assert.deepEqual(created.createCoalition.members.map((member) => member.state.code).sort(), ["DE", "FR"]);
  const updated = await api.edit<{ updateCoalition: { members: { state: { code: string } }[]; version: number } }>(
    `mutation { updateCoalition(slug: "weimar", expectedVersion: 1, input: { members: [{ state: "GB" }] }) { members { state { code } } version } }`,
  );
  assert.deepEqual(updated.updateCoalition, { members: [{ state: { code: "GB" } }], version: 2 });
  const [{ count }] = await api.dataSource.query(
    `SELECT count(*)::int AS count FROM citation ci JOIN membership m ON m.id = ci.membership_id JOIN coalition c ON c.id = m.coalition_id WHERE c.slug = 'weimar'`,
  );
  assert.equal(count, 0, "the replaced memberships' citations went with them");
});

test("createOfficial with a position; updateOfficial renames the key", async () => {
  const created = await api.edit<{ createOfficial: { slug: string; positions: { title: string; state: { code: string } }[] } }>(
    `mutation { createOfficial(input: { slug: "carsten-breuer", name: [{ lang: "en", text: "Carsten Breuer" }],
        positions: [{ title: [{ lang: "en", text: "Inspector General" }], state: "DE", since: "2023-03-17" }] }) {
        slug positions { title state { code } } } }`,
  );
  assert.deepEqual(created.createOfficial, {
    slug: "carsten-breuer",
    positions: [{ title: "Inspector General", state: { code: "DE" } }],
  });
  const updated = await api.edit<{ updateOfficial: { slug: string; version: number } }>(
    `mutation { updateOfficial(slug: "carsten-breuer", expectedVersion: 1, input: { slug: "general-breuer" }) { slug version } }`,
  );
  assert.deepEqual(updated.updateOfficial, { slug: "general-breuer", version: 2 });
});

test("createMeeting with every part; updateMeeting changes fields and replaces topics", async () => {
  const created = await api.edit<{ createMeeting: Record<string, unknown> }>(
    `mutation { createMeeting(input: { slug: "berlin-follow-up", title: [{ lang: "en", text: "Berlin follow-up" }], date: "2026-02-01",
        status: PLANNED, format: HYBRID, level: MINISTERS, location: { city: "Berlin", country: "DE" }, coalition: "willing",
        summary: [{ lang: "en", text: "Next steps" }],
        participants: [{ official: "rich-knighton", representing: "GB", role: CHAIR, attendance: REMOTE }],
        topics: ["security-guarantees"], precededBy: ["chiefs-in-paris"],
        sources: [{ source: "elysee-communique" }] }) {
        slug title date status format level location { city country { code } } coalition { slug } summary
        participants { official { slug } representing { code } role attendance } topics { slug } precededBy { slug }
        sources { source { slug } } version } }`,
  );
  assert.deepEqual(created.createMeeting, {
    slug: "berlin-follow-up",
    title: "Berlin follow-up",
    date: "2026-02-01",
    status: "PLANNED",
    format: "HYBRID",
    level: "MINISTERS",
    location: { city: "Berlin", country: { code: "DE" } },
    coalition: { slug: "willing" },
    summary: "Next steps",
    participants: [{ official: { slug: "rich-knighton" }, representing: { code: "GB" }, role: "CHAIR", attendance: "REMOTE" }],
    topics: [{ slug: "security-guarantees" }],
    precededBy: [{ slug: "chiefs-in-paris" }],
    sources: [{ source: { slug: "elysee-communique" } }],
    version: 1,
  });
  const updated = await api.edit<{ updateMeeting: Record<string, unknown> }>(
    `mutation { updateMeeting(slug: "berlin-follow-up", expectedVersion: 1, input: { status: HELD, location: null, topics: ["troop-deployment"] }) {
        status location { city } topics { slug } participants { official { slug } } version } }`,
  );
  assert.deepEqual(updated.updateMeeting, {
    status: "HELD",
    location: null,
    topics: [{ slug: "troop-deployment" }],
    participants: [{ official: { slug: "rich-knighton" } }],
    version: 2,
  });
});

test("createOutcome on a meeting, updateOutcome replaces its parties", async () => {
  const created = await api.edit<{ createOutcome: Record<string, unknown> }>(
    `mutation { createOutcome(input: { slug: "paris-commitment", meeting: "chiefs-in-paris", kind: COMMITMENT, status: PROPOSED,
        summary: [{ lang: "en", text: "Commit troops" }], topics: ["troop-deployment"], parties: ["FR", "GB"],
        sources: [{ source: "rbc-article" }] }) { slug meeting { slug } kind status summary topics { slug } parties { code } version } }`,
  );
  assert.deepEqual(created.createOutcome, {
    slug: "paris-commitment",
    meeting: { slug: "chiefs-in-paris" },
    kind: "COMMITMENT",
    status: "PROPOSED",
    summary: "Commit troops",
    topics: [{ slug: "troop-deployment" }],
    parties: [{ code: "FR" }, { code: "GB" }],
    version: 1,
  });
  const updated = await api.edit<{ updateOutcome: Record<string, unknown> }>(
    `mutation { updateOutcome(slug: "paris-commitment", expectedVersion: 1, input: { status: AGREED, parties: ["DE"] }) { status parties { code } version } }`,
  );
  assert.deepEqual(updated.updateOutcome, { status: "AGREED", parties: [{ code: "DE" }], version: 2 });
});

test("createStatement and updateStatement by its global id", async () => {
  const created = await api.edit<{ createStatement: { id: string; text: string; official: { slug: string }; version: number } }>(
    `mutation { createStatement(input: { official: "rich-knighton", meeting: "chiefs-in-paris", text: "Britain stands ready.", lang: "en",
        madeOn: "2026-01-06", source: "rbc-article" }) { id text official { slug } version } }`,
  );
  assert.equal(created.createStatement.text, "Britain stands ready.");
  const updated = await api.edit<{ updateStatement: { text: string; meeting: null; version: number } }>(
    `mutation($id: ID!) { updateStatement(id: $id, expectedVersion: 1, input: { text: "Britain is ready.", meeting: null }) { text meeting { slug } version } }`,
    { id: created.createStatement.id },
  );
  assert.deepEqual(updated.updateStatement, { text: "Britain is ready.", meeting: null, version: 2 });
});

test("nested writes on a meeting: add and remove a participant and a topic, each raising the meeting's version", async () => {
  const start = await api.edit<{ meeting: { version: number } }>(`{ meeting(slug: "chiefs-in-paris") { version } }`);
  const version = start.meeting.version;
  const added = await api.edit<{ addParticipant: { participants: { official: { slug: string } }[]; version: number } }>(
    `mutation($v: Int) { addParticipant(meeting: "chiefs-in-paris", expectedVersion: $v, input: { official: "general-breuer", representing: "DE" }) {
        participants { official { slug } } version } }`,
    { v: version },
  );
  assert.equal(added.addParticipant.version, version + 1);
  assert.ok(added.addParticipant.participants.some((participant) => participant.official.slug === "general-breuer"));
  const removed = await api.edit<{ removeParticipant: { participants: { official: { slug: string } }[]; version: number } }>(
    `mutation { removeParticipant(meeting: "chiefs-in-paris", official: "general-breuer") { participants { official { slug } } version } }`,
  );
  assert.equal(removed.removeParticipant.version, version + 2);
  assert.ok(!removed.removeParticipant.participants.some((participant) => participant.official.slug === "general-breuer"));
  const tagged = await api.edit<{ addMeetingTopic: { topics: { slug: string }[]; version: number } }>(
    `mutation { addMeetingTopic(meeting: "chiefs-in-paris", topic: "air-policing") { topics { slug } version } }`,
  );
  assert.deepEqual(tagged.addMeetingTopic.topics.map((topic) => topic.slug).sort(), ["air-policing", "troop-deployment"]);
  const untagged = await api.edit<{ removeMeetingTopic: { topics: { slug: string }[]; version: number } }>(
    `mutation { removeMeetingTopic(meeting: "chiefs-in-paris", topic: "air-policing") { topics { slug } version } }`,
  );
  assert.deepEqual(untagged.removeMeetingTopic, { topics: [{ slug: "troop-deployment" }], version: version + 4 });
});

test("nested writes on memberships and positions: add, end, remove", async () => {
  const added = await api.edit<{ addMembership: { members: { id: string; state: { code: string } }[]; version: number } }>(
    `mutation { addMembership(coalition: "willing", input: { state: "DE", role: PARTNER, since: "2025-05-01" }) { members { id state { code } } version } }`,
  );
  const german = added.addMembership.members.find((member) => member.state.code === "DE");
  assert.ok(german);
  const ended = await api.edit<{ endMembership: { members: { state: { code: string }; until: string | null }[] } }>(
    `mutation($id: ID!) { endMembership(membership: $id, until: "2025-12-31") { members { state { code } until } } }`,
    { id: german.id },
  );
  assert.equal(ended.endMembership.members.find((member) => member.state.code === "DE")?.until, "2025-12-31");
  const removed = await api.edit<{ removeMembership: { members: { state: { code: string } }[]; version: number } }>(
    `mutation($id: ID!) { removeMembership(membership: $id) { members { state { code } } version } }`,
    { id: german.id },
  );
  assert.ok(!removed.removeMembership.members.some((member) => member.state.code === "DE"));
  assert.equal(removed.removeMembership.version, added.addMembership.version + 2);

  const withPost = await api.edit<{ addPosition: { positions: { id: string; title: string }[] } }>(
    `mutation { addPosition(official: "rich-knighton", input: { title: [{ lang: "en", text: "Chief of the Defence Staff" }], state: "GB", since: "2024-08-30" }) {
        positions { id title } } }`,
  );
  const post = withPost.addPosition.positions[0];
  const endedPost = await api.edit<{ endPosition: { positions: { until: string }[] } }>(
    `mutation($id: ID!) { endPosition(position: $id, until: "2026-06-30") { positions { until } } }`,
    { id: post.id },
  );
  assert.equal(endedPost.endPosition.positions[0].until, "2026-06-30");
  const removedPost = await api.edit<{ removePosition: { positions: unknown[] } }>(
    `mutation($id: ID!) { removePosition(position: $id) { positions { title } } }`,
    { id: post.id },
  );
  assert.deepEqual(removedPost.removePosition.positions, []);
});

test("addCitation and removeCitation on a meeting answer the meeting with its citations", async () => {
  const meeting = await api.edit<{ meeting: { id: string; version: number } }>(
    `{ meeting(slug: "chiefs-in-paris") { id version } }`,
  );
  const cited = await api.edit<{
    addCitation: { slug: string; version: number; sources: { id: string; source: { slug: string } }[] };
  }>(
    `mutation($id: ID!) { addCitation(subject: $id, input: { source: "elysee-communique", quote: "Réunion", quoteLang: "fr" }) {
        ... on Meeting { slug version sources { id source { slug } } } } }`,
    { id: meeting.meeting.id },
  );
  assert.equal(cited.addCitation.version, meeting.meeting.version + 1);
  const citation = cited.addCitation.sources.find((entry) => entry.source.slug === "elysee-communique");
  assert.ok(citation);
  const uncited = await api.edit<{ removeCitation: { sources: { source: { slug: string } }[] } }>(
    `mutation($id: ID!) { removeCitation(citation: $id) { ... on Meeting { sources { source { slug } } } } }`,
    { id: citation.id },
  );
  assert.deepEqual(uncited.removeCitation.sources, [{ source: { slug: "rbc-article" } }]);
});

test("importRecords imports a bundle as an EDITOR, counts what it did, and a dry run writes nothing", async () => {
  const bundle = { states: [{ code: "IT", name: "Italy" }], topics: [{ slug: "drones", name: "Drones" }] };
  const dry = await api.edit<{ importRecords: { dryRun: boolean; created: number } }>(
    `mutation($bundle: JSON!) { importRecords(bundle: $bundle, dryRun: true) { dryRun created } }`,
    { bundle },
  );
  assert.deepEqual(dry.importRecords, { dryRun: true, created: 2 });
  const none = await api.edit<{ state: null }>(`{ state(code: "IT") { code } }`);
  assert.equal(none.state, null);
  const real = await api.edit<{ importRecords: { created: number; byType: { recordType: string; created: number }[] } }>(
    `mutation($bundle: JSON!) { importRecords(bundle: $bundle) { created byType { recordType created } } }`,
    { bundle },
  );
  assert.equal(real.importRecords.created, 2);
  assert.deepEqual(
    real.importRecords.byType.filter((entry) => entry.created > 0),
    [
      { recordType: "states", created: 1 },
      { recordType: "topics", created: 1 },
    ],
  );
});

test("writes need an EDITOR key: anonymous is UNAUTHENTICATED, a READER is FORBIDDEN", async () => {
  const mutation = `mutation { createState(input: { code: "ES", name: [{ lang: "en", text: "Spain" }] }) { code } }`;
  const anonymous = await api.as(null, mutation);
  assert.equal(anonymous.errors?.[0].extensions?.code, "UNAUTHENTICATED");
  const reader = await api.as(Role.READER, mutation);
  assert.equal(reader.errors?.[0].extensions?.code, "FORBIDDEN");
  const rows = await api.dataSource.query(`SELECT 1 FROM state WHERE code = 'ES'`);
  assert.equal(rows.length, 0);
});

test("two mutations in one document: the second answers with the rows the first wrote (no stale loader cache)", async () => {
  const data = await api.edit<{ first: { topics: { slug: string }[] }; second: { topics: { slug: string }[] } }>(
    `mutation {
      first: addMeetingTopic(meeting: "chiefs-in-paris", topic: "security-guarantees") { topics { slug } }
      second: removeMeetingTopic(meeting: "chiefs-in-paris", topic: "troop-deployment") { topics { slug } } }`,
  );
  assert.deepEqual(data.first.topics.map((topic) => topic.slug).sort(), ["security-guarantees", "troop-deployment"]);
  assert.deepEqual(data.second.topics, [{ slug: "security-guarantees" }]);
});
