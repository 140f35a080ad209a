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
