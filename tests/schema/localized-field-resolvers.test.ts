import assert from "node:assert/strict";
import { test } from "node:test";
import { isObjectType } from "graphql";
import { buildChancerySchema } from "../../src/schema/build-schema";

/**
 * src/schema/localized-field-resolvers.ts resolves every field whose only argument is `lang` as
 * `pickLocalized(root.<field>, lang)`, bypassing its type-graphql resolver (for speed). That is right only
 * for the fields whose resolver does exactly that: a new field with a lone `lang` argument must be checked
 * against that rule and added here.
 */
const LOCALIZED_FIELDS = [
  "Coalition.description",
  "Coalition.name",
  "Meeting.summary",
  "Meeting.title",
  "Official.name",
  "Outcome.summary",
  "Position.organization",
  "Position.title",
  "Source.title",
  "State.name",
  "Topic.description",
  "Topic.name",
];

test("the fields resolved directly as localized text are exactly the known ones, and pick the language asked", async () => {
  const schema = await buildChancerySchema();
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 1 && field.args[0].name === "lang") found.push(`${type.name}.${field.name}`);
    }
  }
  assert.deepEqual(found.sort(), LOCALIZED_FIELDS);
  const title = schema.getType("Meeting");
  assert.ok(isObjectType(title));
  const resolve = title.getFields().title.resolve;
  assert.ok(resolve);
  const root = { title: { en: "Paris talks", uk: "Паризькі переговори" } };
  const info = undefined as never;
  assert.equal(resolve(root, { lang: "uk" }, {}, info), "Паризькі переговори");
  assert.equal(resolve(root, { lang: "uk-UA" }, {}, info), "Паризькі переговори");
  assert.equal(resolve(root, { lang: "fr" }, {}, info), "Paris talks");
  assert.equal(resolve(root, {}, {}, info), "Paris talks");
  assert.equal(resolve({ title: null }, {}, {}, info), null);
});
