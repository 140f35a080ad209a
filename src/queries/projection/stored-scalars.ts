import { getMetadataStorage } from "type-graphql";
import { getMetadataArgsStorage } from "typeorm";
import { column, type FieldProjection, timestamp } from "./field-projection";

/**
 * The GraphQL fields an entity stores as is in a column (a `@Field` on a `@Column` property), each
 * projected as that column: a scalar added to an entity is projected without being listed here.
 */
export function storedScalars(entity: abstract new (...args: never[]) => unknown): Record<string, FieldProjection> {
  const graphqlFields = new Set(
    getMetadataStorage()
      .fields.filter((field) => field.target === entity)
      .map((field) => field.name),
  );
  const projections: Record<string, FieldProjection> = {};
  for (const stored of getMetadataArgsStorage().columns) {
    if (stored.target !== entity || !graphqlFields.has(stored.propertyName) || stored.mode !== "regular") continue;
    const name = stored.options.name ?? stored.propertyName;
    projections[stored.propertyName] = stored.options.type === "timestamptz" ? timestamp(name) : column(name);
  }
  return projections;
}
