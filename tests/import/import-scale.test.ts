import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countQueries } from "../../src/db/query-counter";
import { importBundle } from "../../src/import/import-bundle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { generatedBundle, generatedCounts } from "../support/generated-bundle";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

async function rowCounts(tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }]: { count: number }[] = await db.dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = count;
  }
  return counts;
}

async function statementsOf(bundle: unknown): Promise<number> {
  const count = { statements: 0 };
  await countQueries(count, () => importBundle(db.dataSource, bundle, { actor: "scale-test" }));
  return count.statements;
}

test("a 2,000-meeting bundle imports into a freshly migrated database (no statistics) under the default timeouts", async () => {
  const expected = generatedCounts(2_000);
  const result = await importBundle(db.dataSource, generatedBundle(2_000), { actor: "scale-test" });
  assert.equal(result.byType.meetings.created, 2_000);
  assert.equal(result.byType.outcomes.created, 2_000);
  assert.equal(result.byType.statements.created, 2_000);
  const records = ["source", "state", "topic", "coalition", "official", "meeting", "outcome", "statement"] as const;
  assert.equal(
    result.created,
    records.reduce((sum, table) => sum + expected[table], 0),
  );
  assert.deepEqual(await rowCounts(Object.keys(expected)), expected);
  const [{ entries }]: { entries: number }[] = await db.dataSource.query(
    `SELECT count(*)::int AS entries FROM record_change WHERE actor = 'scale-test'`,
  );
  assert.equal(entries, result.created);
  const [meeting]: { participants: number; version: number }[] = await db.dataSource.query(
    `SELECT m.version, (SELECT count(*)::int FROM participant p WHERE p.meeting_id = m.id) AS participants
       FROM meeting m WHERE slug = 'gen-meeting-1999'`,
  );
  assert.deepEqual(meeting, { version: 1, participants: 5 });
});

test("importing the 2,000 meetings again changes nothing and adds no history", async () => {
  const [{ before }]: { before: number }[] = await db.dataSource.query(`SELECT count(*)::int AS before FROM record_change`);
  const result = await importBundle(db.dataSource, generatedBundle(2_000), { actor: "scale-test" });
  assert.equal(result.created + result.updated, 0);
  const [{ after }]: { after: number }[] = await db.dataSource.query(`SELECT count(*)::int AS after FROM record_change`);
  assert.equal(after, before);
});

test("an import costs the same SQL statements for 10 meetings with their parts as for 100", async () => {
  const forTen = await statementsOf(generatedBundle(10, "ten"));
  const forHundred = await statementsOf(generatedBundle(100, "hundred"));
  assert.ok(forTen > 0);
  assert.equal(forHundred, forTen, `${forTen} statements for 10 new meetings, ${forHundred} for 100`);
});

test("an import changing every meeting, participant and citation costs the same statements for 10 as for 100", async () => {
  const changed = (meetings: number, prefix: string) => {
    const bundle = generatedBundle(meetings, prefix);
    for (const meeting of bundle.meetings) {
      meeting.title = { en: `${meeting.title.en} (revised)` };
      meeting.participants = meeting.participants.slice(1);
      meeting.sources = meeting.sources.slice(0, 1);
      meeting.topics = meeting.topics.slice(1);
    }
    for (const statement of bundle.statements) statement.lang = "de";
    return bundle;
  };
  const forTen = await statementsOf(changed(10, "ten"));
  const forHundred = await statementsOf(changed(100, "hundred"));
  assert.equal(forHundred, forTen, `${forTen} statements for 10 changed meetings, ${forHundred} for 100`);
  const [meeting]: { version: number; participants: number; title: string }[] = await db.dataSource.query(
    `SELECT m.version, m.title->>'en' AS title, (SELECT count(*)::int FROM participant p WHERE p.meeting_id = m.id) AS participants
       FROM meeting m WHERE slug = 'hundred-meeting-42'`,
  );
  assert.deepEqual(meeting, { version: 2, participants: 4, title: "Meeting 42 (revised)" });
});

test("an import that runs out of its own statement timeout writes nothing and says where it stopped", async () => {
  await assert.rejects(
    importBundle(db.dataSource, generatedBundle(500, "late"), { statementTimeoutMs: 1 }),
    (error: Error & { extensions?: Record<string, unknown> }) => {
      assert.match(error.message, /^the import ran longer than IMPORT_STATEMENT_TIMEOUT_MS \(1 ms\) while \w+/);
      assert.equal(error.extensions?.code, "QUERY_TOO_COMPLEX");
      return true;
    },
  );
  const [{ count }]: { count: number }[] = await db.dataSource.query(
    `SELECT count(*)::int AS count FROM meeting WHERE slug LIKE 'late-%'`,
  );
  assert.equal(count, 0);
});
