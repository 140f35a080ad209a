import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { type GraphQLSchema, isInterfaceType, isObjectType, parse } from "graphql";
import { createResolversMap } from "type-graphql";
import type { ReferenceResolver } from "../resolvers/record-reference";
import { referenceResolvers } from "../resolvers/references";
import { batchEntities } from "./batched-entities";
import { printSubgraphSdl } from "./subgraph-sdl";

/**
 * Serves the type-graphql schema as a Federation 2 subgraph. `buildSubgraphSchema` rebuilds the schema
 * from the printed SDL (adding `_service`, `_entities`, `_Any`); type-graphql's own resolvers, which
 * wrap validation, the auth checker and middlewares, are put back on it, then the entity reference
 * resolvers (with `_entities` resolving each type's representations at once) and the field extensions
 * (`complexity`) that the rebuild dropped.
 */
export function toSubgraphSchema(typeGraphqlSchema: GraphQLSchema): GraphQLSchema {
  // type-graphql and @apollo/subgraph type the same resolver map differently (type-graphql's type admits
  // shapes it never produces at the top level); the runtime shape is the one @apollo/subgraph reads.
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  const subgraph = buildSubgraphSchema([{ typeDefs: parse(printSubgraphSdl(typeGraphqlSchema)), resolvers }]);
  const resolveReferences = referenceResolvers(subgraph);
  attachReferenceResolvers(subgraph, resolveReferences);
  batchEntities(subgraph, resolveReferences);
  carryFieldExtensions(typeGraphqlSchema, subgraph);
  return subgraph;
}

/**
 * Where `@apollo/subgraph` keeps a type's `__resolveReference` (what its resolver map would set):
 * `extensions.apollo.subgraph.resolveReference`, read by the `_entities` resolver.
 */
function attachReferenceResolvers(schema: GraphQLSchema, resolvers: Record<string, ReferenceResolver<unknown>>): void {
  for (const [typeName, resolveReference] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    type.extensions = { ...type.extensions, apollo: { subgraph: { resolveReference } } };
  }
}

/**
 * Rebuilding from SDL drops field `extensions`, where type-graphql keeps `complexity` for the query cost
 * limits; copy them (and argument extensions) across so plugins see the same schema metadata.
 */
function carryFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const [typeName, source] of Object.entries(from.getTypeMap())) {
    const target = to.getType(typeName);
    if (!(isObjectType(source) || isInterfaceType(source)) || !(isObjectType(target) || isInterfaceType(target))) continue;
    const targetFields = target.getFields();
    for (const [fieldName, sourceField] of Object.entries(source.getFields())) {
      const targetField = targetFields[fieldName];
      if (!targetField) continue;
      targetField.extensions = { ...sourceField.extensions, ...targetField.extensions };
      for (const arg of targetField.args) {
        const sourceArg = sourceField.args.find((candidate) => candidate.name === arg.name);
        if (sourceArg) arg.extensions = { ...sourceArg.extensions, ...arg.extensions };
      }
    }
  }
}
