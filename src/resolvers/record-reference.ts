import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { createRecordsByKeyLoader, perRequest, type RecordEntity, type RecordKey } from "../loaders/records-by-key.loader";
import { fromGlobalId } from "../schema/global-id";

/** What the gateway sends for an entity: `{ __typename, id }` or `{ __typename, <human key> }`. */
export type EntityRepresentation = { __typename: string } & Record<string, unknown>;

export type ReferenceResolver<T> = (representation: EntityRepresentation, context: RequestContext) => Promise<T | null>;

/** The key a representation names, or null when it names none we know (an unknown or foreign id). */
function recordKeyOf(typeName: string, representation: EntityRepresentation, humanKeys: readonly string[]): RecordKey | null {
  if (typeof representation.id === "string") {
    const decoded = fromGlobalId(representation.id);
    return decoded && decoded.typeName === typeName ? { field: "id", value: decoded.id } : null;
  }
  for (const field of humanKeys) {
    const value = representation[field];
    if (typeof value === "string") return { field, value };
  }
  return null;
}

/**
 * `__resolveReference` for one entity type: every representation of a request goes through one
 * DataLoader, so N representations (by id and human keys mixed) cost one SQL statement.
 */
export function recordReferenceResolver<T extends ObjectLiteral>(
  typeName: string,
  entity: RecordEntity<T>,
  humanKeys: readonly string[],
): ReferenceResolver<T> {
  const loaderOf = perRequest((context) => createRecordsByKeyLoader(context.dataSource, entity, ["id", ...humanKeys]));
  return async (representation, context) => {
    const key = recordKeyOf(typeName, representation, humanKeys);
    return key ? loaderOf(context).load(key) : null;
  };
}
