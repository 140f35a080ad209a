/**
 * The key every object built by a projection carries (`{"$": 1, "slug": …}`). `$` is not a GraphQL name, so
 * it never collides with a response key; entity instances never have it.
 */
export const PROJECTED_KEY = "$";

/** An object a projection built in SQL: its fields are stored under their response keys, ready to serialize. */
export type ProjectedObject = Record<string, unknown> & { [PROJECTED_KEY]: 1 };

export function isProjected(source: unknown): source is ProjectedObject {
  return typeof source === "object" && source !== null && (source as Record<string, unknown>)[PROJECTED_KEY] === 1;
}
