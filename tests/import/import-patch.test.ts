import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { GraphQLError } from "graphql";
import { importBundle } from "../../src/import/import-bundle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { snapshotTables } from "../support/table-snapshot";
import { parisChiefsBundle } from "./fixtures";

/**
 * A record entry is a patch of the record its key names: a key left out keeps the stored value, an
 * explicit null clears it, a child list given (even empty) replaces the stored one; statements are
 * upserted by (official, text) and never removed. Every test starts from the Paris chiefs bundle.
 */

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());
beforeEach(async () => {
  await db.dataSource.query(
    `TRUNCATE record_change, citation, statement, outcome_topic, outcome_party, outcome, participant, meeting_topic,
              meeting_sequence, meeting, position, official, membership, coalition, topic, source, state RESTART IDENTITY CASCADE`,
  );
  await importBundle(db.dataSource, parisChiefsBundle());
});

const CHIEFS = "chiefs-in-paris";

async function meetingState(slug = CHIEFS) {
  const [row] = await db.dataSource.query(
    `SELECT m.version, m.title, m.summary, m.format, m.level, m.location_city AS city, s.code AS country,
            (SELECT array_agg(o.slug ORDER BY o.slug) FROM participant p JOIN official o ON o.id = p.official_id
              WHERE p.meeting_id = m.id) AS participants,
            (SELECT array_agg(oc.slug ORDER BY oc.slug) FROM outcome oc WHERE oc.meeting_id = m.id) AS outcomes,
            (SELECT array_agg(t.slug ORDER BY t.slug) FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id
              WHERE mt.meeting_id = m.id) AS topics,
            (SELECT count(*)::int FROM citation c WHERE c.meeting_id = m.id) AS citations
       FROM meeting m LEFT JOIN state s ON s.id = m.location_country_id WHERE m.slug = $1`,
    [slug],
  );
  return row;
}

async function problemsOf(bundle: unknown): Promise<{ path: string; message: string }[]> {
  try {
    await importBundle(db.dataSource, bundle);
  } catch (error) {
    assert.ok(error instanceof GraphQLError);
    assert.equal(error.extensions.code, "BAD_USER_INPUT");
    return (error.extensions as unknown as { problems: { path: string; message: string }[] }).problems;
  }
  assert.fail("the bundle was accepted");
}

test("a meeting entry without outcomes, participants, topics or sources keeps them; a changed title updates the meeting only", async () => {
  const stored = await meetingState();
  assert.deepEqual(stored.participants, ["fabien-mandon", "rich-knighton"]);
  assert.deepEqual(stored.outcomes, ["chiefs-follow-up"]);
  const result = await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, title: "Chiefs of defence in Paris" }] });
  assert.deepEqual(result.byType.meetings, { created: 0, updated: 1, unchanged: 0 });
  assert.deepEqual(result.byType.outcomes, { created: 0, updated: 0, unchanged: 0 });
  assert.deepEqual(await meetingState(), { ...stored, version: stored.version + 1, title: { en: "Chiefs of defence in Paris" } });
});

test("an entry that gives only its key, or only values already stored, changes nothing and counts unchanged", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const result = await importBundle(db.dataSource, {
    meetings: [{ slug: CHIEFS, status: "HELD", format: "IN_PERSON" }, { slug: "chiefs-again" }],
    officials: [{ slug: "fabien-mandon" }],
    coalitions: [{ slug: "test-coalition", name: { en: "Test coalition", ru: "Тестовая коалиция" } }],
    topics: [{ slug: "troop-deployment" }],
  });
  assert.deepEqual(
    { created: result.created, updated: result.updated, unchanged: result.unchanged },
    { created: 0, updated: 0, unchanged: 5 },
  );
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("an explicit empty list clears outcomes and participants; the meeting counts as updated", async () => {
  const stored = await meetingState();
  const result = await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, outcomes: [], participants: [] }] });
  assert.deepEqual(result.byType.meetings, { created: 0, updated: 1, unchanged: 0 });
  assert.deepEqual(await meetingState(), { ...stored, version: stored.version + 1, participants: null, outcomes: null });
});

test("explicit null clears an optional field while an absent one keeps it", async () => {
  await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, summary: "Met in Paris" }] });
  const stored = await meetingState();
  assert.deepEqual(stored.summary, { en: "Met in Paris" });
  await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, format: null, location: null }] });
  assert.deepEqual(await meetingState(), { ...stored, version: stored.version + 1, format: null, city: null, country: null });
  await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, summary: null }] });
  const cleared = await meetingState();
  assert.equal(cleared.summary, null);
  assert.equal(cleared.level, "CHIEFS_OF_DEFENCE");
  const [source] = await db.dataSource.query(`SELECT publisher, language FROM source WHERE slug = 'rbc-test-article'`);
  await importBundle(db.dataSource, { sources: [{ slug: "rbc-test-article", publisher: null }] });
  const [sourceAfter] = await db.dataSource.query(`SELECT publisher, language FROM source WHERE slug = 'rbc-test-article'`);
  assert.deepEqual(sourceAfter, { ...source, publisher: null });
});

test("a location object is patched key by key: the city alone keeps the stored country", async () => {
  await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, location: { city: "Lyon" } }] });
  const row = await meetingState();
  assert.deepEqual({ city: row.city, country: row.country }, { city: "Lyon", country: "FR" });
});

test("outcome entries are patches too, and an outcome entry leaving out its lists keeps them", async () => {
  const result = await importBundle(db.dataSource, {
    meetings: [{ slug: CHIEFS, outcomes: [{ slug: "chiefs-follow-up", status: "AGREED" }] }],
  });
  assert.deepEqual(result.byType.outcomes, { created: 0, updated: 1, unchanged: 0 });
  const [outcome] = await db.dataSource.query(
    `SELECT o.status, o.summary, f.slug AS follow_up,
            (SELECT array_agg(t.slug) FROM outcome_topic ot JOIN topic t ON t.id = ot.topic_id WHERE ot.outcome_id = o.id) AS topics,
            (SELECT array_agg(s.code ORDER BY s.code) FROM outcome_party op JOIN state s ON s.id = op.state_id WHERE op.outcome_id = o.id) AS parties,
            (SELECT count(*)::int FROM citation c WHERE c.outcome_id = o.id) AS citations
       FROM outcome o LEFT JOIN meeting f ON f.id = o.follow_up_meeting_id WHERE o.slug = 'chiefs-follow-up'`,
  );
  assert.deepEqual(outcome, {
    status: "AGREED",
    summary: { en: "Meet again" },
    follow_up: "chiefs-again",
    topics: ["security-guarantees"],
    parties: ["FR", "GB"],
    citations: 1,
  });
});

test("officials without positions and coalitions without members keep them; empty lists clear them", async () => {
  const counts = async () => {
    const [row] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM position) AS positions, (SELECT count(*)::int FROM membership) AS members`,
    );
    return row;
  };
  await importBundle(db.dataSource, {
    officials: [{ slug: "fabien-mandon", name: "Fabien Mandon" }],
    coalitions: [{ slug: "test-coalition", description: "Chiefs of defence" }],
  });
  assert.deepEqual(await counts(), { positions: 1, members: 1 });
  await importBundle(db.dataSource, {
    officials: [{ slug: "fabien-mandon", positions: [] }],
    coalitions: [{ slug: "test-coalition", members: [] }],
  });
  assert.deepEqual(await counts(), { positions: 0, members: 0 });
});

test("a topic entry without parent keeps it; parent null detaches it", async () => {
  const parent = async () =>
    (
      await db.dataSource.query(
        `SELECT p.slug FROM topic t LEFT JOIN topic p ON p.id = t.parent_id WHERE t.slug = 'troop-deployment'`,
      )
    )[0].slug;
  await importBundle(db.dataSource, { topics: [{ slug: "troop-deployment", name: "Troop deployments" }] });
  assert.equal(await parent(), "security-guarantees");
  await importBundle(db.dataSource, { topics: [{ slug: "troop-deployment", parent: null }] });
  assert.equal(await parent(), null);
});

test("a second bundle with another statement by the same official keeps the first statement", async () => {
  const first = { official: "fabien-mandon", text: "Первое заявление", lang: "ru", source: "rbc-test-article" };
  const second = { official: "fabien-mandon", text: "Второе заявление", lang: "ru" };
  await importBundle(db.dataSource, { statements: [first] });
  const result = await importBundle(db.dataSource, { statements: [second] });
  assert.deepEqual(result.byType.statements, { created: 1, updated: 0, unchanged: 0 });
  const texts = await db.dataSource.query(
    `SELECT s.text FROM statement s JOIN official o ON o.id = s.official_id WHERE o.slug = 'fabien-mandon' ORDER BY s.id`,
  );
  assert.deepEqual(
    texts.map((row: { text: string }) => row.text),
    ["Гарантии безопасности", "Первое заявление", "Второе заявление"],
  );
  // A statement named by its key alone keeps its fields; one field given changes only that one.
  const again = await importBundle(db.dataSource, { statements: [{ official: "fabien-mandon", text: "Первое заявление" }] });
  assert.deepEqual(again.byType.statements, { created: 0, updated: 0, unchanged: 1 });
  await importBundle(db.dataSource, {
    statements: [{ official: "fabien-mandon", text: "Первое заявление", madeOn: "2026-01-06" }],
  });
  const [row] = await db.dataSource.query(
    `SELECT s.lang, s.made_on::text, so.slug AS source FROM statement s LEFT JOIN source so ON so.id = s.source_id
      WHERE s.text = 'Первое заявление'`,
  );
  assert.deepEqual(row, { lang: "ru", made_on: "2026-01-06", source: "rbc-test-article" });
});

test("a new record still needs its required fields: each one left out is a problem at its path, and nothing is written", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const problems = await problemsOf({
    meetings: [
      {
        slug: CHIEFS,
        summary: "fine: stored, so nothing else is required",
        outcomes: [{ slug: "new-outcome", kind: "DECISION" }],
      },
      { slug: "brand-new-meeting", title: "New" },
    ],
    states: [{ code: "UA" }],
    sources: [{ slug: "rbc-test-article", title: null }],
  });
  assert.deepEqual(problems.map((problem) => problem.path).sort(), [
    "meetings[0].outcomes[0].status",
    "meetings[0].outcomes[0].summary",
    "meetings[1].status",
    "sources[0].title",
    "states[0].name",
  ]);
  assert.match(problems.find((problem) => problem.path === "meetings[1].status")?.message ?? "", /is required/);
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("a meeting entry giving only datePrecision is checked against the stored date", async () => {
  const problems = await problemsOf({ meetings: [{ slug: CHIEFS, datePrecision: "MONTH" }] });
  assert.deepEqual(problems, [
    { path: "meetings[0].datePrecision", message: "2026-01-06: a MONTH-precision date must be the first day of the month" },
  ]);
  const result = await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, date: "2026-01-01", datePrecision: "MONTH" }] });
  assert.deepEqual(result.byType.meetings, { created: 0, updated: 1, unchanged: 0 });
  const fine = await importBundle(db.dataSource, { meetings: [{ slug: CHIEFS, date: "2026-02-01" }] });
  assert.deepEqual(fine.byType.meetings, { created: 0, updated: 1, unchanged: 0 });
});

test("a patch import records full before/after snapshots, and importing the before reverts it", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const stored = await meetingState();
  await importBundle(
    db.dataSource,
    { meetings: [{ slug: CHIEFS, title: "Renamed", participants: [], location: null }] },
    { actor: "test" },
  );
  const [entry] = await db.dataSource.query(
    `SELECT action, before, after FROM record_change WHERE record_type = 'Meeting' AND record_key = $1 ORDER BY id DESC LIMIT 1`,
    [CHIEFS],
  );
  assert.equal(entry.action, "UPDATE");
  assert.deepEqual(Object.keys(entry.after).sort(), Object.keys(entry.before).sort());
  assert.equal(entry.before.participants.length, 2);
  assert.deepEqual(entry.after.participants, []);
  assert.equal(entry.after.outcomes.length, 1, "the outcomes the entry left out are in the after snapshot");
  assert.deepEqual(entry.after.title, { en: "Renamed" });
  await importBundle(db.dataSource, { meetings: [entry.before] });
  assert.deepEqual(await meetingState(), { ...stored, version: stored.version + 2 });
  const tablesBut = (tables: Record<string, string>) => {
    const { meeting: _meeting, participant: _participant, record_change: _history, ...rest } = tables;
    return rest;
  };
  assert.deepEqual(tablesBut(await snapshotTables(db.dataSource)), tablesBut(snapshot));
});
