import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import type { TestServer } from "../support/server";
import { SAVE_QUERY, startSavedQueryServer } from "./saved-support";

const HEAVY = "query Heavy($first: Int) { meetings(first: $first) { nodes { slug participants { official { slug } } } } }";

let server: TestServer;
let auth: Record<string, Record<string, string>>;
before(async () => {
  ({ server, auth } = await startSavedQueryServer({ analyst: Role.READER }, { MAX_QUERY_NODES: "300" }));
  const saved = await server.graphql(SAVE_QUERY, { input: { name: "heavy", title: "Heavy", document: HEAVY } }, auth.analyst);
  assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
});
after(() => server.close());

test("runSavedQuery applies the query limits to the saved document, with its variables", async () => {
  const refused = await server.graphql(`{ runSavedQuery(name: "heavy", variables: { first: 100 }) }`);
  assert.equal(refused.body.errors?.[0]?.extensions?.code, "QUERY_TOO_COMPLEX");
  assert.equal(refused.body.errors?.[0]?.extensions?.limit, "maxNodes");
  assert.equal(refused.body.errors?.[0]?.extensions?.value, 2100);
  const allowed = await server.graphql<{ runSavedQuery: { meetings: { nodes: unknown[] } } }>(
    `query Run($name: String!) { runSavedQuery(name: $name, variables: { first: 2 }) }`,
    { name: "heavy" },
  );
  assert.equal(allowed.body.errors, undefined, JSON.stringify(allowed.body.errors));
  assert.equal(allowed.body.data?.runSavedQuery.meetings.nodes.length, 2);
});

test("the same limits hold over REST", async () => {
  const response = await fetch(`${server.origin}/saved/heavy?first=100`);
  assert.equal(response.status, 400);
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  assert.equal(body.errors[0].extensions.code, "QUERY_TOO_COMPLEX");
});

test("default variables may be written inline in the mutation (a JSON literal)", async () => {
  const { body } = await server.graphql<{ saveQuery: { version: number; variables: unknown } }>(
    `mutation { saveQuery(input: { name: "light", title: "Light", document: ${JSON.stringify(HEAVY)}, variables: { first: 1 } }) { version variables } }`,
    {},
    auth.analyst,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.deepEqual(body.data?.saveQuery, { version: 1, variables: { first: 1 } });
  const run = await fetch(`${server.origin}/saved/light`);
  const data = ((await run.json()) as { data: { meetings: { nodes: unknown[] } } }).data;
  assert.equal(data.meetings.nodes.length, 1);
});
