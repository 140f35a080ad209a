import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultFieldResolver, type GraphQLField, type GraphQLResolveInfo, isObjectType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { PROJECTED_TYPES } from "../../src/queries/projection/projected-types";
import { buildChancerySchema } from "../../src/schema/build-schema";
import { toGlobalId } from "../../src/schema/global-id";

/** Every field whose only argument is `lang`: declared with `@LocalizedField`, resolved with `@LangArg`. */
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

type Resolve = (root: unknown, args: Record<string, unknown>) => unknown;

const schemaPromise = buildChancerySchema();

async function fieldOf(typeName: string, fieldName: string): Promise<GraphQLField<unknown, unknown>> {
  const type = (await schemaPromise).getType(typeName);
  assert.ok(isObjectType(type), typeName);
  const field = type.getFields()[fieldName];
  assert.ok(field, `${typeName}.${fieldName}`);
  return field;
}

/** Calls the schema's resolver as graphql-js would, for the response key `responseKey`. */
function resolver(field: GraphQLField<unknown, unknown>, responseKey: string): Resolve {
  const info = { fieldName: field.name, path: { key: responseKey, prev: undefined } } as unknown as GraphQLResolveInfo;
  const resolve = field.resolve ?? defaultFieldResolver;
  return (root, args) => resolve(root, args, {}, info);
}

/**
 * Counts the calls of the `@FieldResolver` method that type-graphql registered for the field (the method is
 * looked up on the instance at each call, so the count shows whether the schema's resolver runs it).
 */
async function countingDecoratedResolver<T>(
  typeName: string,
  fieldName: string,
  run: () => T | Promise<T>,
): Promise<{ calls: number; result: T; synchronous: boolean }> {
  const metadata = getMetadataStorage().fieldResolvers.find(
    (candidate) => candidate.methodName === fieldName && candidate.getObjectType?.()?.name === typeName,
  );
  assert.ok(metadata, `${typeName}.${fieldName} has a @FieldResolver`);
  const prototype = metadata.target.prototype as Record<string, (...args: unknown[]) => unknown>;
  const decorated = prototype[fieldName];
  let calls = 0;
  prototype[fieldName] = function (this: unknown, ...args: unknown[]) {
    calls += 1;
    return decorated.apply(this, args);
  };
  try {
    const answer = run();
    const synchronous = !(answer instanceof Promise);
    const result = await answer;
    return { calls, result, synchronous };
  } finally {
    prototype[fieldName] = decorated;
  }
}

test("the localized text fields are exactly the known ones, and run their decorated resolver synchronously", async () => {
  const found: string[] = [];
  for (const type of Object.values((await schemaPromise).getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 1 && field.args[0].name === "lang") found.push(`${type.name}.${field.name}`);
    }
  }
  assert.deepEqual(found.sort(), LOCALIZED_FIELDS);

  for (const name of LOCALIZED_FIELDS) {
    const [typeName, fieldName] = name.split(".");
    const resolve = resolver(await fieldOf(typeName, fieldName), fieldName);
    const root = { [fieldName]: { en: "Paris talks", uk: "Паризькі переговори" } };
    const { calls, result } = await countingDecoratedResolver(typeName, fieldName, () => [
      resolve(root, { lang: "uk" }),
      resolve(root, { lang: "uk-UA" }),
      resolve(root, { lang: "fr" }),
      resolve(root, {}),
      resolve({ [fieldName]: null }, {}),
    ]);
    assert.deepEqual(result, ["Паризькі переговори", "Паризькі переговори", "Paris talks", "Paris talks", null], name);
    assert.equal(calls, 5, `${name} runs its decorated resolver`);
  }
});

test("every field a compiled page precomputes is answered by the type's own resolver from the projected object", async () => {
  for (const [typeName, projections] of Object.entries(PROJECTED_TYPES)) {
    for (const [fieldName, projection] of Object.entries(projections)) {
      const field = await fieldOf(typeName, fieldName);
      const precomputed = { computed: `${typeName}.${fieldName}` };
      if (projection.kind === "value") {
        // A plain value is stored under its field's name, whatever the alias, and read as an entity's property.
        if (fieldName === "id") continue;
        const resolve = resolver(field, "alias");
        assert.equal(resolve({ $: 1, [fieldName]: precomputed }, {}), precomputed, `${typeName}.${fieldName}`);
        continue;
      }
      const resolve = resolver(field, "alias");
      const args = field.args.some((arg) => arg.name === "lang") ? { lang: "uk" } : {};
      const { calls, result, synchronous } = await countingDecoratedResolver(typeName, fieldName, () =>
        resolve({ $: 1, alias: precomputed, [fieldName]: "not read" }, args),
      );
      assert.equal(result, precomputed, `${typeName}.${fieldName} answers with the precomputed value`);
      // type-graphql validates a declared argument other than `lang` (`asOf`) asynchronously: such a field answers a promise.
      const validatedArgument = field.args.some((arg) => arg.name !== "lang");
      assert.equal(
        synchronous,
        !validatedArgument,
        `${typeName}.${fieldName} answers synchronously unless it has such an argument`,
      );
      assert.equal(calls, 1, `${typeName}.${fieldName} runs its decorated resolver`);
    }
  }
});

test("id is the global id of an entity and of a projected object alike", async () => {
  const resolve = resolver(await fieldOf("Meeting", "id"), "key");
  assert.equal(resolve({ $: 1, id: 7 }, {}), toGlobalId("Meeting", 7));
  assert.equal(resolve({ id: 7 }, {}), toGlobalId("Meeting", 7));
});
