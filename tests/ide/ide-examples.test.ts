/**
 * Every example tab the IDE opens with must be a valid question against the live schema, and must answer
 * without errors over the real server on the demo records, so a visitor's first run never ends in an error.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type GraphQLSchema, Kind, parse, validate } from "graphql";
import { canonicalQuestion, exampleTabs } from "../../ide/src/example-tabs";
import { seedDemoRecords } from "../../src/import/seed";
import { buildChancerySchema } from "../../src/schema/build-schema";
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

for (const example of exampleTabs) {
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
