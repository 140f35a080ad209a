import type { GraphQLResolveInfo } from "graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import {
  createRecordsByKeyLoader,
  perRequest,
  type RecordEntity,
  type RecordKey,
  type RecordsByKeyLoader,
  recordsByKeys,
} from "../loaders/records-by-key.loader";
import { cachedProjection } from "../queries/projection/cached-projection";
import { fromGlobalId } from "../schema/global-id";

/** What the gateway sends for an entity: `{ __typename, id }` or `{ __typename, <human key> }`. */
export type EntityRepresentation = { __typename: string } & Record<string, unknown>;

/** `__resolveReference` of one entity type, with `resolveMany` for every representation of the type in a request at once. */
export type ReferenceResolver<T> = ((
  representation: EntityRepresentation,
  context: RequestContext,
  info?: GraphQLResolveInfo,
) => Promise<T | null>) & {
  /** The records of `representations` (all of this type), in their order: null for unknown keys. */
  resolveMany?: (
    representations: readonly EntityRepresentation[],
    context: RequestContext,
    info: GraphQLResolveInfo,
  ) => Promise<(T | null)[]>;
};

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
 * `__resolveReference` for one entity type: `resolveMany` loads every representation of a type in a request with
 * one `recordsByKeys` call, and single references go through one DataLoader per request, so N representations
 * (by id and human keys mixed) cost one SQL statement. When every field the
 * `_entities` query selects on the type can be built in SQL (src/queries/projection), the statement builds
 * those objects and each field's resolver reads its precomputed value, as for meeting pages.
 */
export function recordReferenceResolver<T extends ObjectLiteral>(
  typeName: string,
  entity: RecordEntity<T>,
  humanKeys: readonly string[],
): ReferenceResolver<T> {
  const keyFields = ["id", ...humanKeys];
  const projectionOf = (info?: GraphQLResolveInfo) =>
    info ? cachedProjection(info, typeName, "objects", (entities) => entities.fieldNodes) : null;
  const loadersOf = perRequest(() => new Map<string, RecordsByKeyLoader<T>>());
  const loaderFor = (context: RequestContext, info?: GraphQLResolveInfo): RecordsByKeyLoader<T> => {
    const projection = projectionOf(info);
    const loaders = loadersOf(context);
    const loaderKey = projection?.key ?? "";
    let loader = loaders.get(loaderKey);
    if (!loader) {
      loader = createRecordsByKeyLoader(context.dataSource, entity, keyFields, projection);
      loaders.set(loaderKey, loader);
    }
    return loader;
  };
  const resolve: ReferenceResolver<T> = async (representation, context, info) => {
    const key = recordKeyOf(typeName, representation, humanKeys);
    return key ? loaderFor(context, info).load(key) : null;
  };
  // Every key is at hand: one statement straight away, without a DataLoader's promise and cache entry per key.
  resolve.resolveMany = async (representations, context, info) => {
    const keys = representations.map((representation) => recordKeyOf(typeName, representation, humanKeys));
    const known = keys.filter((key): key is RecordKey => key !== null);
    const loaded = await recordsByKeys(context.dataSource, entity, keyFields, projectionOf(info))(known);
    let next = 0;
    return keys.map((key) => (key ? loaded[next++] : null));
  };
  return resolve;
}
