import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../support/server";
import { insertFixture } from "./fixture-records";
import { smallFixture } from "./small-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await insertFixture(server.db.dataSource, smallFixture);
});
after(() => server.close());

/** The keys of every node of a root list asked with `filter`, over HTTP. */
async function keys(list: string, key: string, filterType: string, filter: Record<string, unknown>): Promise<string[]> {
  const { body } = await server.graphql<Record<string, { nodes: Record<string, string>[] }>>(
    `query($filter: ${filterType}) { ${list}(filter: $filter, first: 100) { nodes { ${key} } } }`,
    { filter },
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return (body.data?.[list].nodes ?? []).map((node) => node[key]).sort();
}

test("every root list takes its filter over HTTP", async () => {
  assert.deepEqual(await keys("coalitions", "slug", "CoalitionFilter", { hasMember: ["PL"] }), ["weimar-triangle"]);
  assert.deepEqual(await keys("states", "code", "StateFilter", { memberOf: ["coalition-of-the-willing"], asOf: "2026-01-06" }), [
    "FR",
    "GB",
    "UA",
  ]);
  assert.deepEqual(await keys("officials", "slug", "OfficialFilter", { name: "Zelenskyy" }), ["volodymyr-zelensky"]);
  assert.deepEqual(await keys("topics", "slug", "TopicFilter", { under: ["security-guarantees"] }), [
    "air-policing",
    "troop-deployment",
  ]);
  assert.deepEqual(await keys("outcomes", "slug", "OutcomeFilter", { parties: ["GB"] }), ["chiefs-plan"]);
  assert.deepEqual(await keys("sources", "slug", "SourceFilter", { languages: ["ru"] }), ["rbc-chiefs"]);
});

test("nested meetings lists take MeetingFilter", async () => {
  const { body } = await server.graphql<{
    coalition: { meetings: { nodes: { slug: string }[] } };
    state: { meetings: { nodes: { slug: string }[] } };
    official: { meetings: { nodes: { slug: string }[] } };
  }>(`{
    coalition(slug: "coalition-of-the-willing") { meetings(filter: { topics: ["troop-deployment"] }) { nodes { slug } } }
    state(code: "DE") { meetings(filter: { not: { coalitions: ["coalition-of-the-willing"] } }) { nodes { slug } } }
    official(slug: "fabien-mandon") { meetings(filter: { text: "гарантиям" }) { nodes { slug } } } }`);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.deepEqual(
    body.data?.coalition.meetings.nodes.map((node) => node.slug),
    ["chiefs-2026-01-06", "ministers-planned"],
  );
  assert.deepEqual(
    body.data?.state.meetings.nodes.map((node) => node.slug),
    ["bilateral-2025-06-10"],
  );
  assert.deepEqual(
    body.data?.official.meetings.nodes.map((node) => node.slug),
    ["chiefs-2026-01-06"],
  );
});

test("an unknown slug is BAD_USER_INPUT at the list's path, in every statement shape, even when another branch matches", async () => {
  // `or` with a branch that matches every meeting: the page is not empty, the filter is still rejected.
  const filter = `{ or: [{ topics: ["troop-deployment", "no-such-topic"] }, { statuses: [HELD, PLANNED, CANCELLED, POSTPONED] }], states: ["XX"] }`;
  const problems = ['filter.or[0].topics[1]: unknown topic "no-such-topic"', 'filter.states[0]: unknown state code "XX"'];
  const shapes: Record<string, { query: string; path: string[] }> = {
    "top-level page": { query: `{ meetings(filter: ${filter}) { nodes { slug } } }`, path: ["meetings"] },
    "top-level page with totalCount": { query: `{ meetings(filter: ${filter}) { totalCount } }`, path: ["meetings"] },
    "nested compiled page": {
      query: `{ coalition(slug: "coalition-of-the-willing") { meetings(filter: ${filter}) { totalCount nodes { slug } } } }`,
      path: ["coalition", "meetings"],
    },
    "nested page on the resolver path": {
      query: `{ coalition(slug: "coalition-of-the-willing") { meetings(filter: ${filter}) { nodes { slug followUps { slug } } } } }`,
      path: ["coalition", "meetings"],
    },
    meetingCounts: { query: `{ meetingCounts(filter: ${filter}, by: [YEAR]) { count } }`, path: ["meetingCounts"] },
  };
  for (const [shape, { query, path }] of Object.entries(shapes)) {
    const { body } = await server.graphql(query);
    assert.equal(body.errors?.length, 1, `${shape}: ${JSON.stringify(body.errors)}`);
    const [error] = body.errors ?? [];
    assert.equal(error.extensions?.code, "BAD_USER_INPUT", shape);
    assert.deepEqual(error.path, path, shape);
    for (const problem of problems) assert.ok(error.message.includes(problem), `${shape}: ${error.message}`);
    assert.ok(!error.message.includes("troop-deployment"), `${shape}: ${error.message}`);
  }
  const { body } = await server.graphql(`{ topics(filter: { under: ["nowhere"] }) { nodes { slug } } }`);
  assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(body.errors?.[0]?.message ?? "", /filter\.under\[0\]: unknown topic "nowhere"/);
});
