/**
 * The saved-query panel reads the schema to decide what it offers (issue 9: degrade gracefully while the
 * saved-queries API is missing or shaped differently). Checked on small schemas and on the live one.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSchema } from "graphql";
import { detectSavedQuerySupport } from "../../ide/src/saved-queries/saved-queries-schema";
import { buildChancerySchema } from "../../src/schema/build-schema";

test("no schema, or one without saved queries: the panel offers nothing", () => {
  assert.equal(detectSavedQuerySupport(null).canList, false);
  const support = detectSavedQuerySupport(buildSchema("type Query { apiVersion: String! }"));
  assert.equal(support.canList, false);
  assert.equal(support.canSave, false);
});

test("a plain list without search or paging, variables as JSON text: listed, searched in the browser", () => {
  const schema = buildSchema(`
    type SavedQuery { name: String! title: String document: String! }
    input SaveQueryInput { name: String! document: String! variables: String }
    type Query { savedQueries: [SavedQuery!]! }
    type Mutation { saveQuery(input: SaveQueryInput!): SavedQuery! }
  `);
  assert.deepEqual(detectSavedQuerySupport(schema), {
    canList: true,
    canSave: true,
    fields: ["name", "title", "document"],
    listIsConnection: false,
    searchArgument: null,
    acceptsFirst: false,
    variablesAsObject: false,
  });
});

test("the live schema: a searchable connection of saved queries and the saveQuery mutation", async () => {
  const support = detectSavedQuerySupport(await buildChancerySchema());
  assert.equal(support.canList, true);
  assert.equal(support.canSave, true);
  assert.equal(support.listIsConnection, true);
  assert.equal(support.searchArgument, "search");
  assert.equal(support.acceptsFirst, true);
  assert.equal(support.variablesAsObject, true);
  assert.deepEqual(support.fields, ["name", "title", "description", "document", "variables", "version", "restPath", "updatedAt"]);
});
