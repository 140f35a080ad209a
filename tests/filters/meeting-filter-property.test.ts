import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { compileMeetingFilter } from "../../src/queries/meeting-filter";
import { SqlParams } from "../../src/queries/sql-params";
import type { MeetingFilter } from "../../src/schema/meeting-filter.input";
import { type GraphQLResponseBody, startTestServer, type TestServer } from "../support/server";
import { type FixtureMeeting, insertFixture } from "./fixture-records";
import {
  COALITION_SLUGS,
  ENGLISH_WORDS,
  FORMATS,
  generateRecords,
  LEVELS,
  OFFICIAL_SLUGS,
  Random,
  RUSSIAN_WORDS,
  SOURCE_KINDS,
  STATE_CODES,
  STATUSES,
  TOPIC_TREE,
} from "./generated-records";
import { compareByDate, matchesMeeting } from "./meeting-filter-evaluator";
import { selectFiltered } from "./select-filtered";

const SEED = Number(process.env.FILTER_PROPERTY_SEED ?? 20260106);
const MEETINGS = 400;
const FILTERS = 150;

let server: TestServer;
let meetings: FixtureMeeting[];
before(async () => {
  server = await startTestServer();
  const records = generateRecords(SEED, MEETINGS);
  meetings = records.meetings ?? [];
  await insertFixture(server.db.dataSource, records);
});
after(() => server.close());

type Filter = Record<string, unknown>;

function randomDay(random: Random): string {
  return `${2023 + random.int(4)}-${String(1 + random.int(12)).padStart(2, "0")}-${String(1 + random.int(28)).padStart(2, "0")}`;
}

function randomLeaf(random: Random): Filter {
  const list = <T>(values: readonly T[]) => (random.chance(0.03) ? [] : random.some(values, 2).concat(random.pick(values)));
  switch (random.int(13)) {
    case 0:
      return { coalitions: list(COALITION_SLUGS) };
    case 1:
      return { topics: list(TOPIC_TREE.map(([slug]) => slug)) };
    case 2:
      return { states: list(STATE_CODES) };
    case 3:
      return { officials: list(OFFICIAL_SLUGS) };
    case 4:
      return { from: randomDay(random) };
    case 5:
      return { to: randomDay(random) };
    case 6:
      return { formats: list(FORMATS) };
    case 7:
      return { levels: list(LEVELS) };
    case 8:
      return { statuses: list(STATUSES) };
    case 9:
      return { locatedIn: list(STATE_CODES) };
    case 10:
      return { text: random.chance(0.7) ? random.pick(ENGLISH_WORDS) : random.pick(RUSSIAN_WORDS) };
    case 11:
      return { minSources: random.int(4) };
    default:
      return { sourceKinds: list(SOURCE_KINDS) };
  }
}

function randomFilter(random: Random, depth: number): Filter {
  const roll = random.next();
  if (depth <= 0 || roll < 0.4) return random.chance(0.3) ? { ...randomLeaf(random), ...randomLeaf(random) } : randomLeaf(random);
  const children = () => Array.from({ length: 1 + random.int(3) }, () => randomFilter(random, depth - 1));
  if (roll < 0.6) return { and: children() };
  if (roll < 0.8) return { or: children() };
  if (roll < 0.92) return { not: randomFilter(random, depth - 1) };
  return { ...randomLeaf(random), or: children() };
}

function expected(filter: Filter, direction: "ASC" | "DESC"): string[] {
  return meetings
    .filter((meeting) => matchesMeeting(meeting, filter as unknown as MeetingFilter))
    .sort(compareByDate(direction))
    .map((meeting) => meeting.slug);
}

interface MeetingPage {
  totalCount: number;
  nodes: { slug: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of `meetings(filter:, orderBy:)` over HTTP, in order. */
async function fetchAll(
  filter: Filter,
  direction: "ASC" | "DESC",
  pageSize: number,
): Promise<{ slugs: string[]; totalCount: number }> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  let totalCount = -1;
  for (let pages = 0; pages < 100; pages += 1) {
    const { body }: { body: GraphQLResponseBody<{ meetings: MeetingPage }> } = await server.graphql<{ meetings: MeetingPage }>(
      `query($filter: MeetingFilter, $direction: OrderDirection!, $first: Int, $after: String) {
        meetings(filter: $filter, orderBy: { field: DATE, direction: $direction }, first: $first, after: $after) {
          totalCount nodes { slug } pageInfo { hasNextPage endCursor } } }`,
      { filter, direction, first: pageSize, after: cursor },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const page = body.data?.meetings as MeetingPage;
    totalCount = page.totalCount;
    slugs.push(...page.nodes.map((node) => node.slug));
    if (!page.pageInfo.hasNextPage) return { slugs, totalCount };
    cursor = page.pageInfo.endCursor;
  }
  assert.fail("more than 100 pages");
}

describe(`random MeetingFilters against a TypeScript evaluation (seed ${SEED}, ${MEETINGS} meetings)`, () => {
  test("the compiled SQL selects exactly the meetings the evaluator selects", async () => {
    const random = new Random(SEED);
    let nonTrivial = 0;
    for (let index = 0; index < FILTERS * 2; index += 1) {
      const filter = randomFilter(random, 4);
      const params = new SqlParams();
      const where = compileMeetingFilter(filter as unknown as MeetingFilter, "m", params);
      const slugs = await selectFiltered(server.db.dataSource, { table: "meeting", alias: "m", key: "slug" }, where, params);
      const want = expected(filter, "ASC").sort();
      if (want.length > 0 && want.length < MEETINGS) nonTrivial += 1;
      assert.deepEqual(slugs, want, `filter ${JSON.stringify(filter)}`);
    }
    assert.ok(nonTrivial > FILTERS / 2, `only ${nonTrivial} filters selected a proper subset`);
  });

  test("meetings(filter:, orderBy:) over HTTP pages through exactly the expected meetings, in order, both directions", async () => {
    const random = new Random(SEED + 1);
    for (let index = 0; index < FILTERS; index += 1) {
      const filter = randomFilter(random, 3);
      const direction = index % 2 === 0 ? "DESC" : "ASC";
      const pageSize = [7, 20, 100][index % 3];
      const want = expected(filter, direction);
      const got = await fetchAll(filter, direction, pageSize);
      assert.deepEqual(got.slugs, want, `filter ${JSON.stringify(filter)} ${direction} by ${pageSize}`);
      assert.equal(got.totalCount, want.length);
    }
  });
});

/** The value of one dimension in a meetingCounts row, as the evaluator's group keys hold it. */
function countValue(row: Record<string, unknown>, dimension: string): unknown {
  const key = (value: unknown, name: string) => (value as Record<string, string> | null)?.[name] ?? null;
  if (dimension === "COALITION") return key(row.coalition, "slug");
  if (dimension === "TOPIC") return key(row.topic, "slug");
  if (dimension === "STATE") return key(row.state, "code");
  return row[dimension.toLowerCase()];
}

describe(`meetingCounts over the generated meetings (seed ${SEED})`, () => {
  const groupKey = (meeting: FixtureMeeting, dimension: string): (string | number | null)[] => {
    switch (dimension) {
      case "YEAR":
        return [meeting.date ? Number(meeting.date.slice(0, 4)) : null];
      case "MONTH":
        return [meeting.date && meeting.datePrecision !== "YEAR" ? meeting.date.slice(0, 7) : null];
      case "COALITION":
        return [meeting.coalition ?? null];
      case "TOPIC":
        return meeting.topics?.length ? meeting.topics : [null];
      case "STATE": {
        const states = [...new Set((meeting.participants ?? []).map((participant) => participant.state ?? null))];
        return states.length > 0 ? states : [null];
      }
      case "LEVEL":
        return [meeting.level ?? null];
      case "FORMAT":
        return [meeting.format ?? null];
      default:
        return [meeting.status];
    }
  };
  /** Every combination of the meeting's values of the dimensions (a meeting counts once per group). */
  const groupsOf = (meeting: FixtureMeeting, dimensions: string[]): string[] =>
    dimensions
      .reduce<(string | number | null)[][]>(
        (combos, dimension) => combos.flatMap((combo) => groupKey(meeting, dimension).map((value) => [...combo, value])),
        [[]],
      )
      .map((combo) => JSON.stringify(combo));

  test("each dimension set counts every matching meeting once per group", async () => {
    const random = new Random(SEED + 2);
    const dimensionSets = [
      ["COALITION", "TOPIC", "STATE"],
      ["YEAR", "MONTH", "LEVEL"],
      ["FORMAT", "STATUS"],
      ["STATE"],
      ["TOPIC", "YEAR"],
    ];
    for (let index = 0; index < 20; index += 1) {
      const filter = randomFilter(random, 2);
      const dimensions = dimensionSets[index % dimensionSets.length];
      const want = new Map<string, number>();
      for (const meeting of meetings.filter((candidate) => matchesMeeting(candidate, filter as unknown as MeetingFilter))) {
        for (const group of groupsOf(meeting, dimensions)) want.set(group, (want.get(group) ?? 0) + 1);
      }
      const { body } = await server.graphql<{ meetingCounts: Record<string, unknown>[] }>(
        `query($filter: MeetingFilter, $by: [MeetingDimension!]!) { meetingCounts(filter: $filter, by: $by) {
          count year month level format status coalition { slug } topic { slug } state { code } } }`,
        { filter, by: dimensions },
      );
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const got = new Map(
        (body.data?.meetingCounts ?? []).map((row) => [
          JSON.stringify(dimensions.map((dimension) => countValue(row, dimension))),
          row.count,
        ]),
      );
      assert.deepEqual(got, want, `filter ${JSON.stringify(filter)} by ${dimensions}`);
    }
  });
});
