import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { getIntrospectionQuery } from "graphql";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { bearerFor, errorCodes, postGraphql, type RawResponse } from "./security-support";

/** A query `levels` fields deep without lists (so only depth grows): `{ topic { parent { parent { slug } } } }`. */
function nestedParents(levels: number): string {
  let selection = "slug";
  for (let level = 2; level < levels; level += 1) selection = `parent { ${selection} }`;
  return `{ topic(slug: "x") { ${selection} } }`;
}

function assertRefused(response: RawResponse, limit: string, value: number, max: number): void {
  assert.equal(response.status, 400, response.text);
  assert.deepEqual(errorCodes(response), ["QUERY_TOO_COMPLEX"]);
  const error = response.json?.errors?.[0];
  assert.deepEqual(
    { limit: error?.extensions?.limit, value: error?.extensions?.value, max: error?.extensions?.max },
    { limit, value, max },
  );
  assert.match(
    error?.message ?? "",
    new RegExp(`^Query too complex: [a-z ]+ ${value} is more than the limit of ${max} \\(MAX_[A-Z_]+\\)\\.$`),
  );
  assert.equal(response.json?.data, undefined);
}

describe("query limits at their contract defaults", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("depth 12 passes, depth 13 is refused naming the depth limit", async () => {
    const twelve = await postGraphql(server.url, { query: nestedParents(12) });
    assert.equal(twelve.status, 200, twelve.text);
    assert.deepEqual(twelve.json?.data, { topic: null });
    assertRefused(await postGraphql(server.url, { query: nestedParents(13) }), "maxDepth", 13, 12);
  });

  test("introspection is exempt from the depth limit (GraphiQL's query nests deeper than 12)", async () => {
    const response = await postGraphql(server.url, { query: getIntrospectionQuery() });
    assert.equal(response.status, 200);
    const data = response.json?.data as { __schema?: unknown } | undefined;
    assert.ok(data?.__schema);
  });

  test("30 aliases pass, 31 are refused", async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: apiVersion`).join(" ")} }`;
    assert.equal((await postGraphql(server.url, { query: aliases(30) })).status, 200);
    assertRefused(await postGraphql(server.url, { query: aliases(31) }), "maxAliases", 31, 30);
  });

  test("aliases spread through a fragment count once per spread", async () => {
    const fragment = `fragment Many on Query { ${Array.from({ length: 10 }, (_, i) => `b${i}: apiVersion`).join(" ")} }`;
    const query = `{ ...Many meeting(slug: "x") { slug } coalition(slug: "x") { slug } ... on Query { ...Many } } ${fragment}`;
    const response = await postGraphql(server.url, {
      query: `${query.replace("... on Query { ...Many }", "...Many ...Many ...Many")}`,
    });
    assertRefused(response, "maxAliases", 40, 30);
  });

  test("50 directives pass, 51 are refused", async () => {
    const directives = (count: number) =>
      `{ ${Array.from({ length: count }, () => "...F @include(if: true)").join(" ")} } fragment F on Query { apiVersion }`;
    assert.equal((await postGraphql(server.url, { query: directives(50) })).status, 200);
    assertRefused(await postGraphql(server.url, { query: directives(51) }), "maxDirectives", 51, 50);
  });

  test("arguments nested 32 deep pass, 33 are refused, in the document and in variables", async () => {
    const literal = (depth: number) =>
      `{ meetings(filter: ${"{ not: ".repeat(depth - 1)}{ text: "x" }${" }".repeat(depth - 1)}) { totalCount } }`;
    assert.equal((await postGraphql(server.url, { query: literal(32) })).status, 200);
    assertRefused(await postGraphql(server.url, { query: literal(33) }), "maxInputDepth", 33, 32);
    let filter: Record<string, unknown> = { text: "x" };
    for (let level = 1; level < 33; level += 1) filter = { not: filter };
    const query = "query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }";
    assertRefused(await postGraphql(server.url, { query, variables: { f: filter } }), "maxInputDepth", 33, 32);
    assert.equal((await postGraphql(server.url, { query, variables: { f: filter.not } })).status, 200);
  });

  test("a document of more than 5,000 tokens is refused before parsing", async () => {
    // `{ nodes ( ids : [ ... ] ) { id } }` is 12 tokens around the ids.
    const ids = (count: number) => `{ nodes(ids: [${Array(count).fill('"x"').join(" ")}]) { id } }`;
    const under = await postGraphql(server.url, { query: ids(4988) });
    assert.ok(!errorCodes(under).includes("QUERY_TOO_COMPLEX"), under.text.slice(0, 300));
    assertRefused(await postGraphql(server.url, { query: ids(4989) }), "maxTokens", 5001, 5000);
  });

  test("estimated nodes multiply down the tree: 210,100 is refused, the figure named", async () => {
    const query = `{ coalitions(first: 100) { nodes { meetings(first: 100) { nodes { participants { role } } } } } }`;
    assertRefused(await postGraphql(server.url, { query }), "maxNodes", 100 + 100 * (100 + 100 * 20), 50_000);
  });

  test("a huge first is refused by the node estimate", async () => {
    const response = await postGraphql(server.url, { query: "{ meetings(first: 2000000000) { nodes { slug } } }" });
    assertRefused(response, "maxNodes", 2_000_000_000, 50_000);
  });

  test("first given as a variable counts too", async () => {
    const query = "query ($n: Int) { meetings(first: $n) { nodes { followUps { slug } } } }";
    assertRefused(await postGraphql(server.url, { query, variables: { n: 3000 } }), "maxNodes", 3000 + 3000 * 20, 50_000);
  });

  test("an accepted query reports its estimated cost in extensions.cost", async () => {
    const response = await postGraphql(server.url, {
      query: "{ meetings(first: 5) { totalCount nodes { slug participants { role } } } }",
    });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.json?.extensions?.cost, { estimatedNodes: 5 + 5 * 20, maxNodes: 50_000 });
  });

  test("edges and nodes of a connection are not counted twice; an unpaged list counts 20", async () => {
    const response = await postGraphql(server.url, {
      query: "{ meetings { edges { node { topics { slug } } } nodes { slug } } }",
    });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.json?.extensions?.cost, { estimatedNodes: 20 + 20 * 20, maxNodes: 50_000 });
  });
});

describe("limits set by environment variables", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      MAX_QUERY_DEPTH: "3",
      MAX_QUERY_NODES: "100",
      MAX_QUERY_ALIASES: "1",
      INTROSPECTION: "false",
    });
  });
  after(() => server.close());

  test("MAX_QUERY_DEPTH, MAX_QUERY_NODES and MAX_QUERY_ALIASES replace the defaults", async () => {
    assertRefused(await postGraphql(server.url, { query: nestedParents(4) }), "maxDepth", 4, 3);
    assertRefused(await postGraphql(server.url, { query: "{ meetings(first: 101) { totalCount } }" }), "maxNodes", 101, 100);
    assertRefused(await postGraphql(server.url, { query: "{ a: apiVersion b: apiVersion }" }), "maxAliases", 2, 1);
  });

  test("INTROSPECTION=false refuses __schema", async () => {
    const response = await postGraphql(server.url, { query: "{ __schema { queryType { name } } }" });
    assert.equal(response.status, 400);
    assert.equal(response.json?.data, undefined);
    assert.match(response.json?.errors?.[0]?.message ?? "", /introspection/i);
  });
});

describe("rate limit", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_REQUESTS: "3", RATE_LIMIT_WINDOW_SECONDS: "600" });
  });
  after(() => server.close());

  test("past its allowance a client gets 429 RATE_LIMITED with a retry hint; another key has its own", async () => {
    for (let request = 0; request < 3; request += 1) {
      assert.equal((await postGraphql(server.url, { query: "{ apiVersion }" })).status, 200);
    }
    const refused = await postGraphql(server.url, { query: "{ apiVersion }" });
    assert.equal(refused.status, 429);
    assert.deepEqual(errorCodes(refused), ["RATE_LIMITED"]);
    const retryAfter = refused.json?.errors?.[0]?.extensions?.retryAfterSeconds;
    assert.equal(typeof retryAfter, "number");
    assert.ok((retryAfter as number) >= 1 && (retryAfter as number) <= 600);
    assert.equal(refused.headers.get("retry-after"), String(retryAfter));

    const keyed = await postGraphql(
      server.url,
      { query: "{ apiVersion }" },
      await bearerFor(server.db.dataSource, Role.READER, "own-allowance"),
    );
    assert.equal(keyed.status, 200);

    const forged = { authorization: "Bearer chy_0000000000000000000000000000000000000000000" };
    const guessing = await postGraphql(server.url, { query: "{ apiVersion }" }, forged);
    assert.equal(guessing.status, 429, "failed key attempts spend the address's allowance too");
  });
});
