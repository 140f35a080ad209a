/**
 * Every example tab the IDE opens with must be a valid question against the live schema, so a visitor's
 * first run never ends in a validation error. An example whose root field the schema does not have yet
 * is skipped with a message naming the field (the schema is built by several parallel pieces of work).
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { type GraphQLSchema, Kind, parse, validate } from "graphql";
import { canonicalQuestion, exampleTabs } from "../../ide/src/example-tabs";
import { buildChancerySchema } from "../../src/schema/build-schema";

let schema: GraphQLSchema;
before(async () => {
  schema = await buildChancerySchema();
});

function missingRootFields(query: string): string[] {
  const rootFields = schema.getQueryType()?.getFields() ?? {};
  return parse(query)
    .definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? definition.selectionSet.selections : [],
    )
    .flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
    .filter((name) => !name.startsWith("__") && !(name in rootFields));
}

test("the first tab is the contract's canonical question", () => {
  assert.equal(exampleTabs[0].query, canonicalQuestion);
  assert.match(canonicalQuestion, /coalition\(slug: "coalition-of-the-willing"\)/);
  assert.match(canonicalQuestion, /meetings\(filter: \{ topics: \["troop-deployment"\] \}\)/);
});

for (const example of exampleTabs) {
  test(`example tab "${example.purpose}" validates against the schema`, (t) => {
    const missing = missingRootFields(example.query);
    if (missing.length) {
      t.skip(`the schema has no Query.${missing.join(", Query.")} yet`);
      return;
    }
    const errors = validate(schema, parse(example.query)).map((error) => error.message);
    assert.deepEqual(errors, []);
    if (example.variables) assert.doesNotThrow(() => JSON.parse(example.variables ?? ""), "variables are JSON");
  });
}
