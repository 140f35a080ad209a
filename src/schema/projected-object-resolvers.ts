import { defaultFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { isProjected } from "../queries/projection/projected-object";
import { PROJECTED_TYPES } from "../queries/projection/projected-types";

/**
 * Lets every field of a projectable type read a projected object (built in SQL for the request's selection,
 * keyed by response key) instead of running its resolver; other sources go to the field's own resolver.
 * This is what makes a compiled meeting page cost no loader call, promise or entity per field.
 */
export function resolveProjectedObjects(schema: GraphQLSchema): void {
  for (const typeName of Object.keys(PROJECTED_TYPES)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        isProjected(source) ? source[info.path.key as string] : resolve(source, args, context, info);
    }
  }
}
