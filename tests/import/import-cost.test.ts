import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countQueries } from "../../src/db/query-counter";
import { importBundle } from "../../src/import/import-bundle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { parisChiefsBundle } from "./fixtures";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await importBundle(db.dataSource, parisChiefsBundle());
});
after(() => db.drop());

/** `count` meetings of the coalition, each with an outcome, a participant, a topic and a citation, and as many statements. */
function meetingsBundle(count: number, prefix = "series") {
  return {
    meetings: Array.from({ length: count }, (_, index) => ({
      slug: `${prefix}-meeting-${index}`,
      title: `Meeting ${index}`,
      status: "PLANNED",
      coalition: "test-coalition",
      participants: [{ official: "fabien-mandon", representing: "FR" }],
      topics: ["troop-deployment"],
      sources: ["rbc-test-article"],
      outcomes: [{ slug: `${prefix}-outcome-${index}`, kind: "DECISION", status: "PROPOSED", summary: "Decided" }],
    })),
    statements: Array.from({ length: count }, (_, index) => ({
      official: "rich-knighton",
      text: `${prefix} statement ${index}`,
    })),
  };
}

async function statementsOf(bundle: unknown): Promise<number> {
  const count = { statements: 0 };
  await countQueries(count, () => importBundle(db.dataSource, bundle));
  return count.statements;
}

test("re-importing an unchanged bundle costs the same SQL statements whatever its size (history lookups are per type)", async () => {
  await importBundle(db.dataSource, meetingsBundle(8));
  const forTwo = await statementsOf(meetingsBundle(2));
  const forEight = await statementsOf(meetingsBundle(8));
  assert.ok(forTwo > 0);
  assert.equal(forEight, forTwo, `${forTwo} statements for 2 meetings, ${forEight} for 8`);
});

test("history read per type still records one entry per record written, with its version", async () => {
  await importBundle(db.dataSource, meetingsBundle(2, "fresh"), { actor: "cost-test" });
  await importBundle(db.dataSource, meetingsBundle(2, "fresh"), { actor: "cost-test" });
  await importBundle(db.dataSource, { meetings: [{ slug: "fresh-meeting-1", title: "Renamed" }] }, { actor: "cost-test" });
  const rows: { entry: string }[] = await db.dataSource.query(
    `SELECT concat_ws(' ', action, record_type, coalesce(after->>'slug', after->>'text'), version) AS entry
       FROM record_change WHERE actor = 'cost-test' ORDER BY id`,
  );
  assert.deepEqual(
    rows.map((row) => row.entry),
    [
      "CREATE Meeting fresh-meeting-0 1",
      "CREATE Meeting fresh-meeting-1 1",
      "CREATE Outcome fresh-outcome-0 1",
      "CREATE Outcome fresh-outcome-1 1",
      "CREATE Statement fresh statement 0 1",
      "CREATE Statement fresh statement 1 1",
      "UPDATE Meeting fresh-meeting-1 2",
    ],
  );
});
