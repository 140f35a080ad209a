/**
 * Every example tab the IDE opens with must be a valid question against the live schema, and must answer
 * without errors over the real server on the demo records, so a visitor's first run never ends in an error.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type GraphQLSchema, getOperationAST, Kind, parse, validate } from "graphql";
import { canonicalQuestion, exampleTabs, meetingsLive } from "../../ide/src/example-tabs";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { seedDemoRecords } from "../../src/import/seed";
import { buildChancerySchema } from "../../src/schema/build-schema";
import { subscribe } from "../live/live-fixture";
import { startTestServer, type TestServer } from "../support/server";

let schema: GraphQLSchema;
let server: TestServer;
before(async () => {
  schema = await buildChancerySchema();
  server = await startTestServer();
  await seedDemoRecords(server.db.dataSource);
});
after(() => server?.close());

function firstOperationName(query: string): string | undefined {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
}

test("the first tab is the contract's canonical question", () => {
  assert.equal(exampleTabs[0].query, canonicalQuestion);
  assert.match(canonicalQuestion, /coalition\(slug: "coalition-of-the-willing"\)/);
  assert.match(canonicalQuestion, /meetings\(filter: \{ topics: \["troop-deployment"\] \}\)/);
});

const isSubscription = (query: string) => getOperationAST(parse(query))?.operation === "subscription";

for (const example of exampleTabs.filter((tab) => !isSubscription(tab.query))) {
  test(`example tab "${example.purpose}" validates and answers on the demo records`, async () => {
    const errors = validate(schema, parse(example.query)).map((error) => error.message);
    assert.deepEqual(errors, []);
    const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: example.query, variables, operationName: firstOperationName(example.query) }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const answer = Object.values(body.data ?? {})[0];
    const text = JSON.stringify(answer) ?? "null";
    assert.ok(!/^(null|\[\])$|"totalCount":0\b/.test(text), `the demo records answer it: ${text}`);
  });
}

test("the live example tab receives a change to one of the coalition's demo meetings", async () => {
  assert.deepEqual(
    validate(schema, parse(meetingsLive)).map((error) => error.message),
    [],
  );
  const { secret } = await createApiKey(server.db.dataSource, { role: Role.EDITOR, label: "ide-editor" });
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await server.graphql<T>(query, variables, { authorization: `Bearer ${secret}` });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data as T;
  };
  const { meetings } = await graphql<{
    meetings: { nodes: { slug: string; version: number; history: { edges: { cursor: string }[] } }[] };
  }>(
    `{ meetings(filter: { coalitions: ["coalition-of-the-willing"] }, first: 1) { nodes { slug version history(first: 1) { edges { cursor } } } } }`,
  );
  const [meeting] = meetings.nodes;
  // From the meeting's last change on, so the change below cannot race the subscription's start.
  const live = subscribe<{ meeting: { slug: string } }>(server.url, "meetingsChanged", meetingsLive, {
    after: meeting.history.edges[0].cursor,
  });
  await graphql(
    `mutation($slug: String!, $version: Int!) { updateMeeting(slug: $slug, expectedVersion: $version, input: { summary: [{ lang: "en", text: "Changed in the IDE test" }] }) { version } }`,
    { slug: meeting.slug, version: meeting.version },
  );
  // Changes to the coalition's other meetings after that cursor (the demo records' own) come first.
  const event = await live.receivedOne((candidate) => candidate.meeting.slug === meeting.slug);
  assert.equal(event.meeting.slug, meeting.slug);
  await live.dispose();
});
