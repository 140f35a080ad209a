import { entitiesResolver } from "@apollo/subgraph/dist/types";
import { type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from "graphql";
import type { RequestContext } from "../context";
import { withTypeName } from "../queries/projection/projected-object";
import type { EntityRepresentation, ReferenceResolver } from "../resolvers/record-reference";

type Representations = readonly EntityRepresentation[];

/**
 * `_entities` resolved per type instead of per representation: the representations of each type go to its
 * reference resolver's `resolveMany` at once (one statement per type, the records projected for the selection),
 * and the list comes back as values, not one promise per item for graphql-js to await. A representation of a
 * type without `resolveMany`, or of a type that is not an object type, sends the whole request through
 * `@apollo/subgraph`'s own resolver, which answers and reports errors as before. A failed type's items each
 * carry its error, at their own index, as they did.
 */
export function batchEntities(schema: GraphQLSchema, resolvers: Record<string, ReferenceResolver<unknown>>): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const resolve: GraphQLFieldResolver<unknown, RequestContext> = (_source, args, context, info) => {
    const representations = (args as { representations: Representations }).representations;
    const byType = groupByType(representations);
    const batchable = [...byType.keys()].every(
      (typeName) => isObjectType(schema.getType(typeName)) && resolvers[typeName]?.resolveMany,
    );
    if (!batchable) return entitiesResolver({ representations: [...representations], context, info });
    return resolveByType(representations, byType, resolvers, context, info);
  };
  field.resolve = resolve as typeof field.resolve;
}

/** The positions of the representations of each `__typename`, in order. */
function groupByType(representations: Representations): Map<string, number[]> {
  const byType = new Map<string, number[]>();
  representations.forEach((representation, index) => {
    const positions = byType.get(representation.__typename);
    if (positions) positions.push(index);
    else byType.set(representation.__typename, [index]);
  });
  return byType;
}

async function resolveByType(
  representations: Representations,
  byType: Map<string, number[]>,
  resolvers: Record<string, ReferenceResolver<unknown>>,
  context: RequestContext,
  info: GraphQLResolveInfo,
): Promise<unknown[]> {
  const results: unknown[] = new Array(representations.length).fill(null);
  await Promise.all(
    [...byType].map(async ([typeName, positions]) => {
      const resolveMany = resolvers[typeName].resolveMany as NonNullable<ReferenceResolver<unknown>["resolveMany"]>;
      try {
        const records = await resolveMany(
          positions.map((index) => representations[index]),
          context,
          info,
        );
        positions.forEach((index, n) => {
          results[index] = withTypeName(records[n], typeName);
        });
      } catch (error) {
        // graphql-js reports an Error value of a list item at that item's path.
        for (const index of positions) results[index] = error;
      }
    }),
  );
  return results;
}
