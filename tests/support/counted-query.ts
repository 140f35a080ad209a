import assert from "node:assert/strict";
import type { TestServer } from "./server";

/** An answer without errors, with the SQL statements the server ran for it (needs `EXPOSE_SQL_STATEMENTS=true`). */
export interface Counted<T> {
  data: T;
  statements: number;
}

/** Asks `query`, asserts it answered without errors and reported its statement count. */
export async function countedQuery<T>(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Counted<T>> {
  const { body } = await server.graphql<T>(query, variables);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const statements = body.extensions?.sqlStatements;
  assert.equal(typeof statements, "number");
  return { data: body.data as T, statements: statements as number };
}
