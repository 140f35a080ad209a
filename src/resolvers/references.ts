import { type GraphQLObjectType, type GraphQLSchema, isObjectType, Kind } from "graphql";
import { recordTypes } from "../schema/record-types";
import { type ReferenceResolver, recordReferenceResolver } from "./record-reference";

/** The fields of each `@key(fields: "…")` on a type (`id`, `slug`, …). */
function keyFieldsOf(type: GraphQLObjectType): string[] {
  const keys = (type.astNode?.directives ?? []).filter((directive) => directive.name.value === "key");
  return keys.map((directive) => {
    const fields = directive.arguments?.find((argument) => argument.name.value === "fields")?.value;
    if (fields?.kind !== Kind.STRING || !/^\w+$/.test(fields.value)) {
      throw new Error(`${type.name}: only a @key of one field can be resolved, not ${fields ? JSON.stringify(fields) : "none"}`);
    }
    return fields.value;
  });
}

/**
 * `__resolveReference` of every federation entity type (every type with `@key`), by GraphQL type name,
 * derived from the schema: the type's entity is its record type's (`recordTypes`, the same map `node(id:)`
 * reads) and each `@key` other than `id` is a column a representation may name it by.
 */
export function referenceResolvers(schema: GraphQLSchema): Record<string, ReferenceResolver<unknown>> {
  const resolvers: Record<string, ReferenceResolver<unknown>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const keyFields = keyFieldsOf(type);
    if (keyFields.length === 0) continue;
    const entity = recordTypes[type.name];
    if (!entity) throw new Error(`${type.name} has @key but no entity in recordTypes to resolve it from`);
    const humanKeys = keyFields.filter((field) => field !== "id");
    resolvers[type.name] = recordReferenceResolver(type.name, entity, humanKeys);
  }
  return resolvers;
}
