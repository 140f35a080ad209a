import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { GraphQLError } from "graphql";
import { compileCoalitionFilter } from "../../src/queries/coalition-filter";
import type { CompiledFilter } from "../../src/queries/filter-logic";
import { compileOfficialFilter } from "../../src/queries/official-filter";
import { compileOutcomeFilter } from "../../src/queries/outcome-filter";
import { compileSourceFilter } from "../../src/queries/source-filter";
import { SqlParams } from "../../src/queries/sql-params";
import { compileStateFilter } from "../../src/queries/state-filter";
import { compileTopicFilter } from "../../src/queries/topic-filter";
import type { CoalitionFilter } from "../../src/schema/coalition-filter.input";
import type { OfficialFilter } from "../../src/schema/official-filter.input";
import type { OutcomeFilter } from "../../src/schema/outcome-filter.input";
import type { SourceFilter } from "../../src/schema/source-filter.input";
import type { StateFilter } from "../../src/schema/state-filter.input";
import type { TopicFilter } from "../../src/schema/topic-filter.input";
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

type Compile<F> = (filter: F, alias: string, params: SqlParams) => CompiledFilter;

/** The human keys of the rows of `table` the compiled filter selects, sorted. */
function selector<F>(table: string, key: string, compile: Compile<F>) {
  return (filter: F): Promise<string[]> => {
    const params = new SqlParams();
    return selectFiltered(db.dataSource, { table, alias: "r", key }, compile(filter, "r", params), params);
  };
}

async function rejection(run: () => Promise<unknown>): Promise<GraphQLError> {
  try {
    await run();
  } catch (error) {
    return error as GraphQLError;
  }
  assert.fail("the filter was accepted");
}

describe("CoalitionFilter", () => {
  const coalitions = selector<CoalitionFilter>("coalition", "slug", compileCoalitionFilter);
  test("slugs, name in any language", async () => {
    assert.deepEqual(await coalitions({ slugs: ["weimar-triangle"] }), ["weimar-triangle"]);
    assert.deepEqual(await coalitions({ name: "желающих" }), ["coalition-of-the-willing"]);
    assert.deepEqual(await coalitions({ name: "TRIANGLE" }), ["weimar-triangle"]);
  });
  test("hasMember at any time, or on asOf", async () => {
    assert.deepEqual(await coalitions({ hasMember: ["DE"] }), ["coalition-of-the-willing", "weimar-triangle"]);
    assert.deepEqual(await coalitions({ hasMember: ["DE"], asOf: "2026-01-06" }), ["weimar-triangle"]);
    assert.deepEqual(await coalitions({ hasMember: ["UA"], asOf: "2025-03-01" }), []);
    assert.deepEqual(await coalitions({ hasMember: ["UA"], asOf: "2025-03-02" }), ["coalition-of-the-willing"]);
  });
  test("asOf alone: founded by then", async () => {
    assert.deepEqual(await coalitions({ asOf: "2000-01-01" }), ["weimar-triangle"]);
  });
  test("combinators", async () => {
    assert.deepEqual(await coalitions({ not: { hasMember: ["PL"] } }), ["coalition-of-the-willing"]);
    assert.deepEqual(await coalitions({ or: [{ hasMember: ["GB"] }, { name: "weimar" }] }), [
      "coalition-of-the-willing",
      "weimar-triangle",
    ]);
    assert.deepEqual(await coalitions({ and: [{ hasMember: ["FR"] }, { hasMember: ["PL"] }] }), ["weimar-triangle"]);
  });
  test("unknown keys", async () => {
    const error = await rejection(() => coalitions({ slugs: ["nope"], or: [{ hasMember: ["ZZ"] }] }));
    assert.equal(error.extensions.code, "BAD_USER_INPUT");
    assert.match(
      error.message,
      /filter\.slugs\[0\]: unknown coalition "nope"; filter\.or\[0\]\.hasMember\[0\]: unknown state code "ZZ"/,
    );
  });
});

describe("StateFilter", () => {
  const states = selector<StateFilter>("state", "code", compileStateFilter);
  test("codes, name, memberOf (ever or asOf)", async () => {
    assert.deepEqual(await states({ codes: ["FR", "UA"] }), ["FR", "UA"]);
    assert.deepEqual(await states({ name: "Україна" }), ["UA"]);
    assert.deepEqual(await states({ memberOf: ["coalition-of-the-willing"] }), ["DE", "FR", "GB", "UA"]);
    assert.deepEqual(await states({ memberOf: ["coalition-of-the-willing"], asOf: "2026-01-01" }), ["FR", "GB", "UA"]);
    assert.deepEqual(await states({ not: { memberOf: ["weimar-triangle"] }, or: [{ codes: ["GB"] }, { name: "land" }] }), ["GB"]);
  });
  test("unknown coalition", async () => {
    assert.match(
      (await rejection(() => states({ memberOf: ["ghost"] }))).message,
      /filter\.memberOf\[0\]: unknown coalition "ghost"/,
    );
  });
});

describe("OfficialFilter", () => {
  const officials = selector<OfficialFilter>("official", "slug", compileOfficialFilter);
  test("name: contains or close to a word of the name, any language", async () => {
    assert.deepEqual(await officials({ name: "mandon" }), ["fabien-mandon"]);
    assert.deepEqual(await officials({ name: "Zelenskyy" }), ["volodymyr-zelensky"]);
    assert.deepEqual(await officials({ name: "Зеленский" }), ["volodymyr-zelensky"]);
    assert.deepEqual(await officials({ name: "Radakine" }), ["tony-radakin"]);
    assert.deepEqual(await officials({ name: "Smith" }), []);
  });
  test("states, post and asOf hold for one and the same post", async () => {
    assert.deepEqual(await officials({ post: "defence staff" }), ["fabien-mandon", "tony-radakin"]);
    assert.deepEqual(await officials({ post: "defence staff", asOf: "2026-01-06" }), ["fabien-mandon"]);
    assert.deepEqual(await officials({ states: ["GB"], asOf: "2026-01-06" }), []);
    assert.deepEqual(await officials({ states: ["GB", "DE"] }), ["friedrich-merz", "tony-radakin"]);
    assert.deepEqual(await officials({ asOf: "2020-01-01" }), ["volodymyr-zelensky"]);
    assert.deepEqual(await officials({ not: { states: ["UA"] }, slugs: ["volodymyr-zelensky", "friedrich-merz"] }), [
      "friedrich-merz",
    ]);
  });
});

describe("TopicFilter", () => {
  const topics = selector<TopicFilter>("topic", "slug", compileTopicFilter);
  test("slugs, under (descendants only), roots, name", async () => {
    assert.deepEqual(await topics({ slugs: ["sanctions"] }), ["sanctions"]);
    assert.deepEqual(await topics({ under: ["security-guarantees"] }), ["air-policing", "troop-deployment"]);
    assert.deepEqual(await topics({ under: ["troop-deployment"] }), ["air-policing"]);
    assert.deepEqual(await topics({ under: ["security-guarantees", "troop-deployment"] }), ["air-policing", "troop-deployment"]);
    assert.deepEqual(await topics({ roots: true }), ["sanctions", "security-guarantees"]);
    assert.deepEqual(await topics({ roots: false, not: { under: ["troop-deployment"] } }), ["troop-deployment"]);
    assert.deepEqual(await topics({ name: "санкции" }), ["sanctions"]);
  });
  test("unknown topic", async () => {
    assert.match((await rejection(() => topics({ under: ["nope"] }))).message, /filter\.under\[0\]: unknown topic "nope"/);
  });
});

describe("OutcomeFilter", () => {
  const outcomes = selector<OutcomeFilter>("outcome", "slug", compileOutcomeFilter);
  test("kinds, statuses, topics with descendants, parties, meetings, text", async () => {
    assert.deepEqual(await outcomes({ kinds: ["DECISION"] as OutcomeFilter["kinds"] }), ["chiefs-plan"]);
    assert.deepEqual(await outcomes({ statuses: ["PROPOSED"] as OutcomeFilter["statuses"] }), ["ministers-air"]);
    assert.deepEqual(await outcomes({ topics: ["security-guarantees"] }), ["chiefs-plan", "ministers-air"]);
    assert.deepEqual(await outcomes({ topics: ["air-policing"] }), ["ministers-air"]);
    assert.deepEqual(await outcomes({ parties: ["GB"] }), ["chiefs-plan"]);
    assert.deepEqual(await outcomes({ meetings: ["ministers-planned"] }), ["ministers-air"]);
    assert.deepEqual(await outcomes({ text: "deployed" }), ["chiefs-plan"]);
    assert.deepEqual(await outcomes({ slugs: ["chiefs-plan", "ministers-air"], not: { parties: ["PL"] } }), ["chiefs-plan"]);
  });
  test("unknown meeting and outcome", async () => {
    const error = await rejection(() => outcomes({ meetings: ["m-x"], slugs: ["o-x"] }));
    assert.match(error.message, /unknown outcome "o-x"/);
    assert.match(error.message, /unknown meeting "m-x"/);
  });
});

describe("SourceFilter", () => {
  const sources = selector<SourceFilter>("source", "slug", compileSourceFilter);
  test("kinds, publishers, languages, from/to on the publication day, text", async () => {
    assert.deepEqual(await sources({ kinds: ["SOCIAL_POST", "NEWS_ARTICLE"] as SourceFilter["kinds"] }), [
      "rbc-chiefs",
      "x-leaders",
    ]);
    assert.deepEqual(await sources({ publishers: ["rbc-ukraine"] }), ["rbc-chiefs"]);
    assert.deepEqual(await sources({ languages: ["RU", "fr"] }), ["elysee-chiefs", "rbc-chiefs"]);
    assert.deepEqual(await sources({ from: "2026-01-06", to: "2026-01-06" }), ["rbc-chiefs"]);
    assert.deepEqual(await sources({ to: "2025-12-31" }), ["x-leaders"]);
    assert.deepEqual(await sources({ from: "2026-01-07" }), ["elysee-chiefs"]);
    assert.deepEqual(await sources({ text: "гарантиями" }), ["rbc-chiefs"]);
    assert.deepEqual(await sources({ or: [{ slugs: ["x-leaders"] }, { text: "monitoring" }], not: { languages: ["en"] } }), []);
  });
});
