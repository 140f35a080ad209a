import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { documentHash } from "../../src/saved-queries/saved-query-store";
import { type LoggedTestServer, startLoggedTestServer } from "../security/logged-server";
import { SAVE_QUERY } from "./saved-support";

// A run that never ends fails the test instead of hanging it (the server used to recurse without bound).
const PATIENCE_MS = 20_000;

/** 100 meetings, each with 20 follow-ups of 20 participants: 100 + 100 × (20 + 20 × 20) = 42,100 estimated nodes. */
const BIG = "query Big { meetings(first: 100) { nodes { followUps { participants { role } } } } }";
/** 6,027 tokens (a long default value): more than MAX_QUERY_TOKENS (5,000); saved through a variable, so no request counted them. */
const LONG = `query Long($ids: [ID!]! = [${'"x" '.repeat(6000)}]) { nodes(ids: $ids) { id } }`;
/** 40 aliases: more than MAX_QUERY_ALIASES (30) allows. */
const ALIASED = `query Aliased { ${Array.from({ length: 40 }, (_, i) => `s${i}: __typename`).join(" ")} }`;

let server: LoggedTestServer;
before(async () => {
  server = await startLoggedTestServer({ reader: Role.READER });
  for (const [name, document] of [
    ["big", BIG],
    ["aliased", ALIASED],
    ["long", LONG],
  ]) {
    const saved = await server.graphql(SAVE_QUERY, { input: { name, title: name, document } }, server.auth.reader);
    assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
  }
  // Saved before saving refused them: a query running itself, and two running each other.
  for (const [name, document] of [
    ["loop", '{ runSavedQuery(name: "loop") }'],
    ["ping", '{ runSavedQuery(name: "pong") }'],
    ["pong", 'query Pong { ...Ping } fragment Ping on Query { runSavedQuery(name: "ping") }'],
  ]) {
    await server.db.dataSource.query("INSERT INTO saved_query (name, title, document, document_hash) VALUES ($1, $2, $3, $4)", [
      name,
      name,
      document,
      documentHash(document),
    ]);
  }
});
after(() => server.close());

function post(query: string, headers: Record<string, string> = {}) {
  return fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(PATIENCE_MS),
  });
}

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };

test("a document that runs a saved query cannot be saved: that is how a query ran itself without end", async () => {
  const { body } = await server.graphql(
    SAVE_QUERY,
    { input: { name: "x", title: "x", document: '{ runSavedQuery(name: "x") }' } },
    server.auth.reader,
  );
  assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(
    body.errors?.[0]?.message ?? "",
    /input\.document: a saved query may not run another saved query \(runSavedQuery at line 1, column 3\)/,
  );
  const stored = await server.db.dataSource.query("SELECT count(*)::int AS n FROM saved_query WHERE name = 'x'");
  assert.deepEqual(stored, [{ n: 0 }]);
});

test("a saved query that runs itself or another answers BAD_USER_INPUT at once, over GraphQL and REST", async () => {
  for (const name of ["loop", "ping", "pong"]) {
    const response = await post(`{ runSavedQuery(name: "${name}") }`);
    const body = (await response.json()) as Body;
    assert.equal(body.errors?.[0]?.extensions.code, "BAD_USER_INPUT", JSON.stringify(body));
    assert.match(
      body.errors?.[0]?.message ?? "",
      new RegExp(`saved query "${name}" no longer validates: .*may not run another saved query`),
    );

    const rest = await fetch(`${server.origin}/saved/${name}`, { signal: AbortSignal.timeout(PATIENCE_MS) });
    assert.equal(rest.status, 400);
    const restBody = (await rest.json()) as Body;
    assert.equal(restBody.errors?.[0]?.extensions.code, "BAD_USER_INPUT");
    assert.match(restBody.errors?.[0]?.message ?? "", /may not run another saved query/);
  }
  const { body } = await server.graphql<{ savedQuery: { isValid: boolean; validationErrors: string[] } }>(
    '{ savedQuery(name: "pong") { isValid validationErrors } }',
  );
  assert.deepEqual(body.data?.savedQuery, {
    isValid: false,
    validationErrors: ["a saved query may not run another saved query (runSavedQuery at line 1, column 49)"],
  });
});

test("a saved document with 40 aliases is refused however it is run: directly, over REST, through runSavedQuery", async () => {
  const direct = await server.graphql(ALIASED);
  assert.equal(direct.body.errors?.[0]?.extensions?.limit, "maxAliases");
  const rest = await fetch(`${server.origin}/saved/aliased`);
  assert.equal(rest.status, 400);
  assert.equal(((await rest.json()) as Body).errors?.[0]?.extensions.limit, "maxAliases");

  const run = await server.graphql('{ runSavedQuery(name: "aliased") }');
  assert.deepEqual(run.body.data, { runSavedQuery: null });
  assert.equal(run.body.errors?.[0]?.extensions?.code, "QUERY_TOO_COMPLEX");
  assert.equal(run.body.errors?.[0]?.extensions?.limit, "maxAliases");
  assert.equal(run.body.errors?.[0]?.extensions?.value, 40);
});

test("a saved document longer than MAX_QUERY_TOKENS is refused however it is run, before it is parsed for a run", async () => {
  const direct = await server.graphql(LONG);
  assert.deepEqual(direct.body.errors?.[0]?.extensions, {
    code: "QUERY_TOO_COMPLEX",
    limit: "maxTokens",
    value: 6027,
    max: 5000,
  });
  const rest = await fetch(`${server.origin}/saved/long`);
  assert.equal(rest.status, 400);
  assert.deepEqual(((await rest.json()) as Body).errors?.[0]?.extensions, {
    code: "QUERY_TOO_COMPLEX",
    limit: "maxTokens",
    value: 6027,
    max: 5000,
  });
  const run = await server.graphql('{ runSavedQuery(name: "long") }');
  assert.equal(run.status, 400);
  assert.equal(run.body.data, undefined, "refused before any run");
  assert.deepEqual(run.body.errors?.[0]?.extensions, { code: "QUERY_TOO_COMPLEX", limit: "maxTokens", value: 6027, max: 5000 });
});

test("the saved documents a request runs count toward its node limit: one 42,100-node run passes, thirty do not", async () => {
  const one = await server.graphql<{ runSavedQuery: { meetings: { nodes: unknown[] } } }>('{ runSavedQuery(name: "big") }');
  assert.equal(one.body.errors, undefined, JSON.stringify(one.body.errors));
  assert.ok(Array.isArray(one.body.data?.runSavedQuery.meetings.nodes));

  const thirty = Array.from({ length: 30 }, (_, i) => `r${i}: runSavedQuery(name: "big")`).join(" ");
  const refused = await server.graphql(`{ ${thirty} }`);
  assert.equal(refused.status, 400);
  assert.equal(refused.body.data, undefined, "refused before any run");
  assert.deepEqual(refused.body.errors?.[0]?.extensions, {
    code: "QUERY_TOO_COMPLEX",
    limit: "maxNodes",
    value: 1_263_000,
    max: 50_000,
  });

  // Two runs written inside fragments are counted too.
  const fragments = await server.graphql(
    '{ ...A ... on Query { b: runSavedQuery(name: "big") } } fragment A on Query { a: runSavedQuery(name: "big") }',
  );
  assert.equal(fragments.body.errors?.[0]?.extensions?.limit, "maxNodes");
  assert.equal(fragments.body.errors?.[0]?.extensions?.value, 84_200);
});

test("none of these client mistakes wrote an error-level log line", () => {
  assert.deepEqual(server.errorLines(), []);
});
