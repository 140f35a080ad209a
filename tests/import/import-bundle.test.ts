import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GraphQLError } from "graphql";
import { importBundle } from "../../src/import/import-bundle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { snapshotTables } from "../support/table-snapshot";
import { badBundle, parisChiefsBundle } from "./fixtures";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

interface ProblemList {
  problems: { path: string; message: string }[];
}

async function rejection(bundle: unknown): Promise<ProblemList["problems"]> {
  try {
    await importBundle(db.dataSource, bundle);
  } catch (error) {
    assert.ok(error instanceof GraphQLError);
    assert.equal(error.extensions.code, "BAD_USER_INPUT");
    return (error.extensions as unknown as ProblemList).problems;
  }
  assert.fail("the bundle was accepted");
}

async function versions(table: string): Promise<string[]> {
  const rows: { row: string }[] = await db.dataSource.query(
    `SELECT concat_ws(' ', id, version, updated_at::text) AS row FROM "${table}" ORDER BY id`,
  );
  return rows.map((row) => row.row);
}

test("a new bundle creates every record and counts them by type", async () => {
  const result = await importBundle(db.dataSource, parisChiefsBundle());
  assert.deepEqual(
    { created: result.created, updated: result.updated, unchanged: result.unchanged, dryRun: result.dryRun },
    { created: 12, updated: 0, unchanged: 0, dryRun: false },
  );
  assert.deepEqual(result.byType.meetings, { created: 2, updated: 0, unchanged: 0 });
  assert.deepEqual(result.byType.outcomes, { created: 1, updated: 0, unchanged: 0 });
  const [meeting] = await db.dataSource.query(
    `SELECT m.date::text, m.date_precision, c.slug AS coalition, s.code AS country,
            (SELECT count(*)::int FROM participant p WHERE p.meeting_id = m.id) AS participants,
            (SELECT array_agg(t.slug) FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id) AS topics
       FROM meeting m JOIN coalition c ON c.id = m.coalition_id JOIN state s ON s.id = m.location_country_id
      WHERE m.slug = 'chiefs-in-paris'`,
  );
  assert.deepEqual(meeting, {
    date: "2026-01-06",
    date_precision: "DAY",
    coalition: "test-coalition",
    country: "FR",
    participants: 2,
    topics: ["troop-deployment"],
  });
  const [followUp] = await db.dataSource.query(
    `SELECT f.slug FROM outcome o JOIN meeting f ON f.id = o.follow_up_meeting_id WHERE o.slug = 'chiefs-follow-up'`,
  );
  assert.equal(followUp.slug, "chiefs-again");
  const [topic] = await db.dataSource.query(
    `SELECT p.slug AS parent FROM topic t JOIN topic p ON p.id = t.parent_id WHERE t.slug = 'troop-deployment'`,
  );
  assert.equal(topic.parent, "security-guarantees");
});

test("importing the same bundle again changes nothing: all unchanged, versions and timestamps untouched", async () => {
  const tables = [
    "source",
    "state",
    "topic",
    "coalition",
    "membership",
    "official",
    "position",
    "meeting",
    "participant",
    "outcome",
    "statement",
    "citation",
  ];
  const before = await Promise.all(tables.map(versions));
  const snapshot = await snapshotTables(db.dataSource);
  const result = await importBundle(db.dataSource, parisChiefsBundle());
  assert.deepEqual(
    { created: result.created, updated: result.updated, unchanged: result.unchanged },
    { created: 0, updated: 0, unchanged: 12 },
  );
  assert.deepEqual(await Promise.all(tables.map(versions)), before);
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("a bad bundle writes nothing and names every problem with its path", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const problems = await rejection(badBundle());
  const byPath = new Map(problems.map((problem) => [problem.path, problem.message]));
  assert.match(byPath.get("states[0].name") ?? "", /expected a string or an object/);
  assert.match(byPath.get("topics[0].slug") ?? "", /is required/);
  assert.match(byPath.get("meetings[0].status") ?? "", /"FINISHED" is not one of PLANNED, HELD, CANCELLED, POSTPONED/);
  assert.match(byPath.get("meetings[0].date") ?? "", /"2026-02-30" is not a date/);
  assert.equal(byPath.get("meetings[0].participants[0].official"), 'unknown official "nobody-known"');
  assert.equal(problems.length, 5, JSON.stringify(problems));
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("a bundle whose only problem is an unknown reference writes nothing, not even its valid records", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const bundle = parisChiefsBundle();
  bundle.meetings[1].precededBy = ["no-such-meeting"];
  bundle.states[1].name = "Great Britain";
  const problems = await rejection(bundle);
  assert.deepEqual(problems, [{ path: "meetings[1].precededBy[0]", message: 'unknown meeting "no-such-meeting"' }]);
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("references may point at records stored before the bundle", async () => {
  const result = await importBundle(db.dataSource, {
    meetings: [
      {
        slug: "later-meeting",
        title: "Later",
        status: "PLANNED",
        coalition: "test-coalition",
        participants: [{ official: "rich-knighton", representing: "GB" }],
        precededBy: ["chiefs-again"],
      },
    ],
  });
  assert.deepEqual(result.byType.meetings, { created: 1, updated: 0, unchanged: 0 });
});

test("a changed field counts as updated and raises that record's version only", async () => {
  const [before] = await db.dataSource.query(`SELECT version, updated_at FROM meeting WHERE slug = 'chiefs-in-paris'`);
  const [other] = await db.dataSource.query(`SELECT version FROM meeting WHERE slug = 'chiefs-again'`);
  const bundle = parisChiefsBundle();
  bundle.meetings[0].title = { en: "Chiefs of defence in Paris" };
  const result = await importBundle(db.dataSource, bundle);
  assert.deepEqual(
    { created: result.created, updated: result.updated, unchanged: result.unchanged },
    { created: 0, updated: 1, unchanged: 11 },
  );
  assert.deepEqual(result.byType.meetings, { created: 0, updated: 1, unchanged: 1 });
  const [afterRow] = await db.dataSource.query(`SELECT version, updated_at, title FROM meeting WHERE slug = 'chiefs-in-paris'`);
  assert.equal(afterRow.version, before.version + 1);
  assert.ok(afterRow.updated_at > before.updated_at);
  assert.deepEqual(afterRow.title, { en: "Chiefs of defence in Paris" });
  const [otherAfter] = await db.dataSource.query(`SELECT version FROM meeting WHERE slug = 'chiefs-again'`);
  assert.equal(otherAfter.version, other.version);
});

test("child collections are replaced to match the bundle, and the parent counts as updated", async () => {
  const bundle = parisChiefsBundle();
  bundle.meetings[0].participants = bundle.meetings[0].participants?.slice(0, 1);
  bundle.meetings[0].outcomes = [];
  // The title as stored by the previous test: only the children differ.
  bundle.meetings[0].title = { en: "Chiefs of defence in Paris" };
  const result = await importBundle(db.dataSource, bundle);
  assert.deepEqual(result.byType.meetings, { created: 0, updated: 1, unchanged: 1 });
  const [row] = await db.dataSource.query(
    `SELECT (SELECT array_agg(o.slug) FROM participant p JOIN official o ON o.id = p.official_id WHERE p.meeting_id = m.id) AS officials,
            (SELECT count(*)::int FROM outcome WHERE meeting_id = m.id) AS outcomes
       FROM meeting m WHERE m.slug = 'chiefs-in-paris'`,
  );
  assert.deepEqual(row, { officials: ["fabien-mandon"], outcomes: 0 });
});

test("a dry run counts what it would do and writes nothing", async () => {
  const snapshot = await snapshotTables(db.dataSource);
  const bundle = parisChiefsBundle();
  bundle.states.push({ code: "UA", name: "Ukraine" });
  const result = await importBundle(db.dataSource, bundle, { dryRun: true });
  assert.equal(result.dryRun, true);
  assert.deepEqual(result.byType.states, { created: 1, updated: 0, unchanged: 2 });
  assert.deepEqual(await snapshotTables(db.dataSource), snapshot);
});

test("a topic cycle and duplicate keys are problems", async () => {
  const problems = await rejection({
    topics: [
      { slug: "a-topic", name: "A", parent: "b-topic" },
      { slug: "b-topic", name: "B", parent: "a-topic" },
    ],
    states: [
      { code: "FR", name: "France" },
      { code: "FR", name: "France again" },
    ],
  });
  const paths = problems.map((problem) => problem.path).sort();
  assert.deepEqual(paths, ["states[1]", "topics[0].parent", "topics[1].parent"]);
});

test("statements are upserted by official and text; the ones a bundle does not list are kept", async () => {
  await importBundle(db.dataSource, { statements: [{ official: "rich-knighton", text: "Knighton's words", lang: "en" }] });
  const result = await importBundle(db.dataSource, {
    statements: [{ official: "fabien-mandon", text: "Новые слова", lang: "ru", source: "rbc-test-article" }],
  });
  assert.deepEqual(result.byType.statements, { created: 1, updated: 0, unchanged: 0 });
  const rows = await db.dataSource.query(
    `SELECT o.slug AS official, s.text FROM statement s JOIN official o ON o.id = s.official_id ORDER BY o.slug, s.id`,
  );
  assert.deepEqual(rows, [
    { official: "fabien-mandon", text: "Гарантии безопасности" },
    { official: "fabien-mandon", text: "Новые слова" },
    { official: "rich-knighton", text: "Knighton's words" },
  ]);
});
