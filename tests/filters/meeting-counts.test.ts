import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestServer, type TestServer } from "../support/server";
import { insertFixture } from "./fixture-records";
import { smallFixture } from "./small-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await insertFixture(server.db.dataSource, smallFixture);
});
after(() => server.close());

type Count = Record<string, unknown> & { count: number };

async function counts(by: string[], filter?: Record<string, unknown>): Promise<Count[]> {
  const { body } = await server.graphql<{ meetingCounts: Count[] }>(
    `query($filter: MeetingFilter, $by: [MeetingDimension!]!) {
      meetingCounts(filter: $filter, by: $by) { count year month level format status coalition { slug } topic { slug } state { code } }
    }`,
    { filter, by },
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return (body.data?.meetingCounts ?? []).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)),
  ) as Count[];
}

describe("meetingCounts", () => {
  test("no dimension: the total of the filtered meetings", async () => {
    assert.deepEqual(await counts([]), [{ count: 5 }]);
    assert.deepEqual(await counts([], { coalitions: ["coalition-of-the-willing"] }), [{ count: 3 }]);
  });
  test("YEAR, with undated meetings last", async () => {
    assert.deepEqual(await counts(["YEAR"]), [
      { count: 1, year: 2024 },
      { count: 1, year: 2025 },
      { count: 2, year: 2026 },
      { count: 1 },
    ]);
  });
  test("MONTH as YYYY-MM; a date known only to its year has no month", async () => {
    assert.deepEqual(await counts(["MONTH"]), [{ count: 1, month: "2025-06" }, { count: 2, month: "2026-01" }, { count: 2 }]);
  });
  test("COALITION sorted by slug, bilateral meetings last", async () => {
    assert.deepEqual(await counts(["COALITION"]), [
      { count: 3, coalition: { slug: "coalition-of-the-willing" } },
      { count: 1, coalition: { slug: "weimar-triangle" } },
      { count: 1 },
    ]);
  });
  test("TOPIC as tagged: no roll-up to parents", async () => {
    assert.deepEqual(await counts(["TOPIC"], { topics: ["security-guarantees"] }), [
      { count: 1, topic: { slug: "air-policing" } },
      { count: 1, topic: { slug: "security-guarantees" } },
      { count: 1, topic: { slug: "troop-deployment" } },
    ]);
  });
  test("STATE: a meeting counts once under each state its participants represented", async () => {
    assert.deepEqual(await counts(["STATE"]), [
      { count: 2, state: { code: "DE" } },
      { count: 2, state: { code: "FR" } },
      { count: 1, state: { code: "GB" } },
      { count: 2, state: { code: "UA" } },
      { count: 1 },
    ]);
  });
  test("LEVEL, FORMAT and STATUS in the enums' declared order", async () => {
    assert.deepEqual(await counts(["LEVEL"]), [
      { count: 2, level: "HEADS_OF_STATE" },
      { count: 1, level: "MINISTERS" },
      { count: 1, level: "CHIEFS_OF_DEFENCE" },
      { count: 1, level: "EXPERTS" },
    ]);
    assert.deepEqual(await counts(["FORMAT"], { statuses: ["HELD"] }), [
      { count: 1, format: "VIDEO_CONFERENCE" },
      { count: 1, format: "HYBRID" },
      { count: 1, format: "PHONE_CALL" },
    ]);
    assert.deepEqual(await counts(["STATUS"]), [
      { count: 1, status: "PLANNED" },
      { count: 3, status: "HELD" },
      { count: 1, status: "CANCELLED" },
    ]);
  });
  // The first selection is built in the counting statement (src/queries/projection); `ancestors` is not, so the
  // second returns whole records. Both must answer as a lookup by key does.
  const selections = [
    { over: "built from the selection", topicFields: 'id slug name(lang: "ru") names { lang text } parent { slug } createdAt' },
    {
      over: "whole records",
      topicFields: "id slug name names { lang text } parent { slug } ancestors { slug } createdAt updatedAt",
    },
  ];
  for (const { over, topicFields } of selections) {
    test(`a group's coalition, topic and state (${over}) answer as a lookup by key does`, async () => {
      const coalitionFields = "id slug name foundedOn version createdAt updatedAt";
      const stateFields = "id code name createdAt";
      const { body } = await server.graphql<{ meetingCounts: Record<string, Record<string, unknown> | null>[] }>(
        `{ meetingCounts(by: [COALITION, TOPIC, STATE]) {
          coalition { ${coalitionFields} } topic { ${topicFields} } state { ${stateFields} } } }`,
      );
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      const groups = body.data?.meetingCounts ?? [];
      const lookUp = async (field: string, key: string, value: unknown, fields: string) => {
        const { body: looked } = await server.graphql<Record<string, unknown>>(
          `{ ${field}(${key}: ${JSON.stringify(value)}) { ${fields} } }`,
        );
        return looked.data?.[field];
      };
      for (const group of groups.filter((row) => row.topic && row.coalition && row.state)) {
        assert.deepEqual(group.coalition, await lookUp("coalition", "slug", group.coalition?.slug, coalitionFields));
        assert.deepEqual(group.topic, await lookUp("topic", "slug", group.topic?.slug, topicFields));
        assert.deepEqual(group.state, await lookUp("state", "code", group.state?.code, stateFields));
      }
      assert.ok(groups.some((row) => row.topic && row.coalition && row.state));
    });
  }
  test("several dimensions sort by each in the order asked", async () => {
    assert.deepEqual(await counts(["COALITION", "YEAR"], { not: { coalitions: [] } }), [
      { count: 2, coalition: { slug: "coalition-of-the-willing" }, year: 2026 },
      { count: 1, coalition: { slug: "coalition-of-the-willing" } },
      { count: 1, coalition: { slug: "weimar-triangle" }, year: 2024 },
      { count: 1, year: 2025 },
    ]);
  });
});

describe("filter errors over HTTP", () => {
  test("an unknown slug is BAD_USER_INPUT naming it", async () => {
    const { body } = await server.graphql(`{ meetingCounts(filter: { topics: ["no-such-topic"] }, by: []) { count } }`);
    assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(body.errors?.[0]?.message ?? "", /no-such-topic/);
  });
  test("an unknown key in an inline filter is BAD_USER_INPUT naming it", async () => {
    const { body } = await server.graphql(`{ meetingCounts(filter: { or: [{ colour: "red" }] }, by: []) { count } }`);
    assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(body.errors?.[0]?.message ?? "", /"colour"/);
  });
  test("an unknown key in a filter variable is BAD_USER_INPUT naming it", async () => {
    const { body } = await server.graphql(`query($f: MeetingFilter) { meetingCounts(filter: $f, by: []) { count } }`, {
      f: { not: { colour: "red" } },
    });
    assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(body.errors?.[0]?.message ?? "", /"colour"/);
  });
});
