import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { GraphQLError } from "graphql";
import { MeetingFormat, MeetingLevel } from "../../src/entities/enums";
import { compileMeetingFilter } from "../../src/queries/meeting-filter";
import { SqlParams } from "../../src/queries/sql-params";
import type { MeetingFilter } from "../../src/schema/meeting-filter.input";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { insertFixture } from "./fixture-records";
import { selectFiltered } from "./select-filtered";
import { smallFixture } from "./small-fixture";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await insertFixture(db.dataSource, smallFixture);
});
after(() => db.drop());

const MEETINGS = { table: "meeting", alias: "m", key: "slug" };

/** The slugs of the meetings the compiled filter selects, sorted. */
async function matching(filter: MeetingFilter | null): Promise<string[]> {
  const params = new SqlParams();
  return selectFiltered(db.dataSource, MEETINGS, compileMeetingFilter(filter, "m", params), params);
}

const ALL = ["bilateral-2025-06-10", "chiefs-2026-01-06", "leaders-2026-01", "ministers-planned", "weimar-2024"];
const f = (filter: Partial<MeetingFilter>) => filter as MeetingFilter;

describe("MeetingFilter fields", () => {
  test("no filter and an empty filter match every meeting", async () => {
    assert.deepEqual(await matching(null), ALL);
    assert.deepEqual(await matching(f({})), ALL);
  });
  test("coalitions: any of the slugs", async () => {
    assert.deepEqual(await matching(f({ coalitions: ["weimar-triangle"] })), ["weimar-2024"]);
    assert.deepEqual(await matching(f({ coalitions: ["coalition-of-the-willing", "weimar-triangle"] })).then((r) => r.length), 4);
    assert.deepEqual(await matching(f({ coalitions: [] })), []);
  });
  test("topics: the topic or any descendant, at any depth", async () => {
    assert.deepEqual(await matching(f({ topics: ["security-guarantees"] })), [
      "chiefs-2026-01-06",
      "leaders-2026-01",
      "ministers-planned",
    ]);
    assert.deepEqual(await matching(f({ topics: ["troop-deployment"] })), ["chiefs-2026-01-06", "ministers-planned"]);
    assert.deepEqual(await matching(f({ topics: ["air-policing", "sanctions"] })), ["bilateral-2025-06-10", "ministers-planned"]);
  });
  test("states: a participant represented any of them", async () => {
    assert.deepEqual(await matching(f({ states: ["GB"] })), ["chiefs-2026-01-06"]);
    assert.deepEqual(await matching(f({ states: ["DE", "FR"] })), [
      "bilateral-2025-06-10",
      "chiefs-2026-01-06",
      "leaders-2026-01",
      "weimar-2024",
    ]);
    assert.deepEqual(await matching(f({ states: ["PL"] })), []);
  });
  test("officials: any of them took part", async () => {
    assert.deepEqual(await matching(f({ officials: ["fabien-mandon"] })), ["chiefs-2026-01-06", "weimar-2024"]);
    assert.deepEqual(await matching(f({ officials: ["tony-radakin", "friedrich-merz"] })), [
      "bilateral-2025-06-10",
      "chiefs-2026-01-06",
      "leaders-2026-01",
    ]);
  });
  test("from/to: inclusive, undated meetings never match, a month or year stands for its whole period", async () => {
    assert.deepEqual(await matching(f({ from: "2026-01-06" })), ["chiefs-2026-01-06", "leaders-2026-01"]);
    assert.deepEqual(await matching(f({ from: "2026-01-07" })), ["leaders-2026-01"]);
    assert.deepEqual(await matching(f({ from: "2026-02-01" })), []);
    assert.deepEqual(await matching(f({ to: "2025-06-10" })), ["bilateral-2025-06-10", "weimar-2024"]);
    assert.deepEqual(await matching(f({ to: "2025-06-09" })), ["weimar-2024"]);
    assert.deepEqual(await matching(f({ from: "2024-12-31", to: "2024-12-31" })), ["weimar-2024"]);
    assert.deepEqual(await matching(f({ from: "2026-01-20", to: "2026-01-31" })), ["leaders-2026-01"]);
    assert.deepEqual(await matching(f({ from: "2025-01-01", to: "2025-12-31" })), ["bilateral-2025-06-10"]);
  });
  test("formats, levels, statuses: any of the values; a missing value never matches", async () => {
    assert.deepEqual(await matching(f({ formats: ["PHONE_CALL", "HYBRID"] as MeetingFilter["formats"] })), [
      "bilateral-2025-06-10",
      "leaders-2026-01",
    ]);
    assert.deepEqual(await matching(f({ levels: ["HEADS_OF_STATE"] as MeetingFilter["levels"] })), [
      "bilateral-2025-06-10",
      "leaders-2026-01",
    ]);
    assert.deepEqual(await matching(f({ statuses: ["PLANNED", "CANCELLED"] as MeetingFilter["statuses"] })), [
      "ministers-planned",
      "weimar-2024",
    ]);
  });
  test("locatedIn: the location's country", async () => {
    assert.deepEqual(await matching(f({ locatedIn: ["FR", "DE"] })), ["chiefs-2026-01-06", "weimar-2024"]);
    assert.deepEqual(await matching(f({ locatedIn: ["UA"] })), []);
  });
  test("text: title, summary and outcome summaries, English and Russian stemming", async () => {
    assert.deepEqual(await matching(f({ text: "гарантиям" })), ["chiefs-2026-01-06"]);
    assert.deepEqual(await matching(f({ text: "многонациональные силы" })), ["chiefs-2026-01-06"]);
    assert.deepEqual(await matching(f({ text: "guarantee" })), ["leaders-2026-01"]);
    assert.deepEqual(await matching(f({ text: "deploy" })), ["chiefs-2026-01-06"]);
    assert.deepEqual(await matching(f({ text: "policing mission" })), ["ministers-planned"]);
    assert.deepEqual(await matching(f({ text: "санкції" })), ["bilateral-2025-06-10"]);
    assert.deepEqual(await matching(f({ text: "Expertenrunde" })), ["weimar-2024"]);
    assert.deepEqual(await matching(f({ text: "ceasefire -leaders" })), []);
  });
  test("minSources: distinct sources the meeting itself cites", async () => {
    assert.deepEqual(await matching(f({ minSources: 2 })), ["chiefs-2026-01-06", "weimar-2024"]);
    assert.deepEqual(await matching(f({ minSources: 3 })), ["weimar-2024"]);
    assert.deepEqual(await matching(f({ minSources: 0 })), ALL);
  });
  test("sourceKinds: cites a source of any of the kinds (citations on outcomes do not count)", async () => {
    assert.deepEqual(await matching(f({ sourceKinds: ["OFFICIAL_STATEMENT"] as MeetingFilter["sourceKinds"] })), [
      "chiefs-2026-01-06",
      "weimar-2024",
    ]);
    assert.deepEqual(await matching(f({ sourceKinds: ["SOCIAL_POST"] as MeetingFilter["sourceKinds"] })), [
      "leaders-2026-01",
      "weimar-2024",
    ]);
    assert.deepEqual(await matching(f({ sourceKinds: ["TRANSCRIPT"] as MeetingFilter["sourceKinds"] })), []);
  });
});

describe("MeetingFilter combinators", () => {
  test("conditions of one filter all hold", async () => {
    assert.deepEqual(await matching(f({ coalitions: ["coalition-of-the-willing"], topics: ["troop-deployment"] })), [
      "chiefs-2026-01-06",
      "ministers-planned",
    ]);
    assert.deepEqual(await matching(f({ coalitions: ["coalition-of-the-willing"], states: ["DE"], from: "2026-01-01" })), [
      "leaders-2026-01",
    ]);
  });
  test("and", async () => {
    assert.deepEqual(await matching(f({ and: [f({ states: ["FR"] }), f({ states: ["GB"] })] })), ["chiefs-2026-01-06"]);
    assert.deepEqual(await matching(f({ and: [] })), ALL);
  });
  test("or", async () => {
    assert.deepEqual(
      await matching(f({ or: [f({ locatedIn: ["GB"] }), f({ statuses: ["PLANNED"] as MeetingFilter["statuses"] })] })),
      ["leaders-2026-01", "ministers-planned"],
    );
    assert.deepEqual(await matching(f({ or: [] })), []);
  });
  test("not: undated meetings do not match a bound, so they match its negation", async () => {
    assert.deepEqual(await matching(f({ not: f({ from: "2025-01-01" }) })), ["ministers-planned", "weimar-2024"]);
    assert.deepEqual(
      await matching(f({ not: f({ formats: ["IN_PERSON"] as MeetingFilter["formats"] }) })),
      ALL.filter((slug) => slug !== "weimar-2024"),
    );
    assert.deepEqual(await matching(f({ not: f({ not: f({ coalitions: ["weimar-triangle"] }) }) })), ["weimar-2024"]);
  });
  test("nested to several levels", async () => {
    const filter = f({
      or: [
        f({
          and: [
            f({ topics: ["security-guarantees"] }),
            f({ not: f({ or: [f({ officials: ["fabien-mandon"] }), f({ to: "2025-12-31" })] }) }),
          ],
        }),
        f({ and: [f({ text: "sanctions" }), f({ not: f({ coalitions: ["weimar-triangle"] }) })] }),
      ],
    });
    assert.deepEqual(await matching(filter), ["bilateral-2025-06-10", "leaders-2026-01", "ministers-planned"]);
  });
});

describe("MeetingFilter errors", () => {
  async function rejection(filter: MeetingFilter): Promise<GraphQLError> {
    try {
      await matching(filter);
    } catch (error) {
      return error as GraphQLError;
    }
    assert.fail("the filter was accepted");
  }
  test("unknown slugs and codes are one BAD_USER_INPUT naming each with its path", async () => {
    const error = await rejection(
      f({
        coalitions: ["coalition-of-the-willing", "no-such-coalition"],
        or: [f({ topics: ["nope"] }), f({ states: ["XX"], officials: ["ghost"] })],
      }),
    );
    assert.equal(error.extensions.code, "BAD_USER_INPUT");
    assert.match(error.message, /filter\.coalitions\[1\]: unknown coalition "no-such-coalition"/);
    assert.match(error.message, /filter\.or\[0\]\.topics\[0\]: unknown topic "nope"/);
    assert.match(error.message, /filter\.or\[1\]\.states\[0\]: unknown state code "XX"/);
    assert.match(error.message, /filter\.or\[1\]\.officials\[0\]: unknown official "ghost"/);
    assert.doesNotMatch(error.message, /coalition-of-the-willing/);
  });
  test("blank text and negative minSources are rejected", async () => {
    assert.equal((await rejection(f({ text: "   " }))).extensions.code, "BAD_USER_INPUT");
    assert.match((await rejection(f({ not: f({ minSources: -1 }) }))).message, /filter\.not\.minSources/);
  });
  test("only the conditions given become SQL", async () => {
    const params = new SqlParams();
    const { sql } = compileMeetingFilter(f({ coalitions: ["weimar-triangle"], topics: ["air-policing"] }), "m", params);
    // One key is one scalar subquery, so PostgreSQL plans `coalition_id = id` (an ordered index scan can serve it).
    const coalitionId = "(SELECT id FROM coalition WHERE slug = $1::text)";
    const topicTreeIds =
      "ARRAY(WITH RECURSIVE tree(id) AS (SELECT id FROM topic WHERE slug = ANY($2::text[]) UNION SELECT t.id FROM topic t JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree)";
    assert.equal(
      sql,
      `(m.coalition_id = ${coalitionId}) AND (EXISTS (SELECT 1 FROM meeting_topic m_mt1 WHERE m_mt1.meeting_id = m.id AND m_mt1.topic_id = ANY(${topicTreeIds})))`,
    );
    // Two key lists for the conditions, then each kind's keys and their positions for the unknown-key check.
    assert.deepEqual(params.values, ["weimar-triangle", ["air-policing"], ["weimar-triangle"], [0], ["air-policing"], [1]]);
    const two = compileMeetingFilter(f({ coalitions: ["weimar-triangle", "g7", "g7"] }), "m", new SqlParams());
    assert.equal(two.sql, "m.coalition_id = ANY(ARRAY(SELECT id FROM coalition WHERE slug = ANY($1::text[])))");
    const levelsParams = new SqlParams();
    const levels = compileMeetingFilter(
      f({ levels: [MeetingLevel.MINISTERS], formats: [MeetingFormat.HYBRID, MeetingFormat.VIDEO_CONFERENCE] }),
      "m",
      levelsParams,
    );
    assert.equal(levels.sql, "(m.format = ANY($1::text[])) AND (m.level = $2::text)");
    assert.deepEqual(levelsParams.values, [["HYBRID", "VIDEO_CONFERENCE"], "MINISTERS"]);
    assert.equal(compileMeetingFilter(f({}), "m", new SqlParams()).sql, "TRUE");
  });
  test("values never become SQL text", async () => {
    const params = new SqlParams();
    const { sql, keyCheck } = compileMeetingFilter(
      f({ text: "'; DROP TABLE meeting; --", coalitions: ["weimar-triangle"] }),
      "m",
      params,
    );
    assert.doesNotMatch(`${sql} ${keyCheck?.sql}`, /DROP|weimar/);
    assert.ok(params.values.includes("'; DROP TABLE meeting; --"));
  });
});
