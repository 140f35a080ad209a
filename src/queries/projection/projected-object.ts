import type { GraphQLResolveInfo } from "graphql";

/**
 * The key every object built by a projection carries (`{"$": 1, "slug": …}`). `$` is not a GraphQL name, so
 * it never collides with a field name or response key; entity instances never have it.
 */
export const PROJECTED_KEY = "$";

/**
 * An object a projection built in SQL. Plain values (a `value` projection: stored scalars, the internal `id`,
 * a localized string's `lang` and `text`) are stored under their field's name, as an entity holds them; the
 * fields that have a resolver (localized text, related objects and lists) under their response key, read by
 * `projectedValue`.
 */
export type ProjectedObject = Record<string, unknown> & { [PROJECTED_KEY]: 1 };

export function isProjected(source: unknown): source is ProjectedObject {
  return typeof source === "object" && source !== null && (source as Record<string, unknown>)[PROJECTED_KEY] === 1;
}

/** The value the compiled statement computed for the field being resolved (see "Precomputed values" in docs/architecture.md). */
export function projectedValue<T>(source: ProjectedObject, info: GraphQLResolveInfo): T {
  return source[info.path.key as string] as T;
}

/**
 * The record with its GraphQL type named, as `@apollo/subgraph` returns an entity: `__typename` set (not
 * enumerable), so a union (`_Entity`, `SearchResult`) resolves a projected object to its type.
 */
export function withTypeName(record: unknown, typeName: string): unknown {
  if (record === null || typeof record !== "object") return record;
  const named = record as { __typename?: unknown };
  if ("__typename" in named) return named.__typename === typeName ? record : { ...named, __typename: typeName };
  Object.defineProperty(record, "__typename", { value: typeName });
  return record;
}
