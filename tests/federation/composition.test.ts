import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { composeServices } from "@apollo/composition";
import { type GraphQLObjectType, isObjectType, parse } from "graphql";
import { CompositionError, composeSdls } from "../../src/gateway/compose-supergraph";
import { PRESS_SDL } from "../../src/gateway/example-press-subgraph";
import { referenceResolvers } from "../../src/resolvers/references";
import { buildTypeGraphqlSchema } from "../../src/schema/build-schema";
import { SCHEMA_FILE } from "../../src/schema/subgraph-sdl";

/** The `fields` of every `@key` on the type, as the type-graphql schema declares them. */
function keysOf(type: GraphQLObjectType): string[] {
  return (type.astNode?.directives ?? [])
    .filter((directive) => directive.name.value === "key")
    .map((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === "fields")?.value;
      return fields?.kind === "StringValue" ? fields.value : "?";
    });
}

test("the committed subgraph SDL composes with another team's subgraph without errors", async () => {
  const sdl = await readFile(SCHEMA_FILE, "utf8");
  const result = composeServices([
    { name: "chancery", url: "http://chancery/graphql", typeDefs: parse(sdl) },
    { name: "press", url: "http://press/graphql", typeDefs: parse(PRESS_SDL) },
  ]);
  assert.deepEqual(result.errors?.map((error) => error.message) ?? [], []);
  assert.match(result.supergraphSdl ?? "", /pressCoverage: \[Article!\]!/);
});

test("every record type is an entity with the keys of the contract, and every entity has a batched reference resolver", async () => {
  const schema = await buildTypeGraphqlSchema();
  const expected: Record<string, string[]> = {
    State: ["id", "code"],
    Coalition: ["id", "slug"],
    Topic: ["id", "slug"],
    Meeting: ["id", "slug"],
    Official: ["id", "slug"],
    Source: ["id"],
    Outcome: ["id"],
  };
  for (const [typeName, keys] of Object.entries(expected)) {
    const type = schema.getType(typeName);
    assert.ok(isObjectType(type), `${typeName} is in the schema`);
    assert.deepEqual(keysOf(type), keys, `${typeName} keys`);
  }
  const entities = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && keysOf(type).length > 0);
  const resolvers = referenceResolvers(schema);
  const withoutResolver = entities.map((type) => type.name).filter((name) => !resolvers[name]?.resolveMany);
  assert.deepEqual(withoutResolver, [], "entity types without a batched reference resolver");
  for (const type of entities) {
    if (isObjectType(type)) assert.ok(keysOf(type).includes("id"), `${type.name} has @key(fields: "id")`);
  }
});

test("a subgraph that redefines a Chancery field fails composition with one readable report", async () => {
  const sdl = await readFile(SCHEMA_FILE, "utf8");
  const clashing = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Meeting @key(fields: "slug") { slug: String! title: Int }
    type Query { other: Meeting }
  `;
  assert.throws(
    () =>
      composeSdls([
        { name: "chancery", url: "http://chancery/graphql", sdl },
        { name: "clash", url: "http://clash/graphql", sdl: clashing },
      ]),
    (error: unknown) => {
      assert.ok(error instanceof CompositionError);
      assert.match(error.message, /^Composition failed with \d+ error\(s\):\n {2}- \[[A-Z_]+\] .*Meeting\.title/s);
      return true;
    },
  );
});
