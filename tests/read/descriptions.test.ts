import assert from "node:assert/strict";
import { test } from "node:test";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { buildTypeGraphqlSchema } from "../../src/schema/build-schema";

test("every type, field, argument and enum value of the schema has a description", async () => {
  const schema = await buildTypeGraphqlSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!type.description) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        const args = "args" in field ? field.args : [];
        for (const arg of args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  assert.deepEqual(missing, []);
});
