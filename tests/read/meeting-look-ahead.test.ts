import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords } from "../../src/import/seed";
import { countedQuery } from "../support/counted-query";
import { startTestServer, type TestServer } from "../support/server";
import { type MeetingNode, meetingsAlone } from "./meetings-alone";

/**
 * Look-ahead on meeting pages whose selection cannot be compiled into the page statement (see
 * projection.test.ts): the parts a page's nodes select (participants with official and state, topics,
 * outcomes, sources with their source) come in ONE statement for the page, and answer exactly what the
 * field-by-field loaders answer for a single meeting. `followUps` (not projected) keeps these pages on
 * the resolver path.
 */
let server: TestServer;
before(async () => {
  server = await startTestServer({ EXPOSE_SQL_STATEMENTS: "true" });
  await seedDemoRecords(server.db.dataSource);
});
after(() => server.close());

const PARTS = `slug followUps { slug }
  participants { id role attendance official { id slug name names { lang text } createdAt } representing { code name } }
  topics { slug name parent { slug } } outcomes { slug kind summary createdAt updatedAt topics { slug } }
  sources { id quote quoteLang source { slug publisher url title } }`;

const ask = <T>(query: string, variables?: Record<string, unknown>) => countedQuery<T>(server, query, variables);

type Node = MeetingNode;

test("a page's participants, topics, outcomes and sources cost one statement, and answer as the field loaders do", async () => {
  const page = await ask<{ meetings: { nodes: Node[] } }>(`{ meetings(first: 40) { nodes { ${PARTS} } } }`);
  const nodes = page.data.meetings.nodes;
  assert.ok(nodes.length > 3);
  assert.ok(nodes.some((node) => (node.participants as unknown[]).length > 0));
  assert.ok(nodes.some((node) => (node.sources as unknown[]).length > 0));
  assert.ok(nodes.some((node) => (node.outcomes as unknown[]).length > 0));
  // page, the parts ahead, follow-ups; then outcomes' topics, topics' parents: one statement per level each.
  assert.equal(page.statements, 5);
  assert.deepEqual(
    nodes,
    await meetingsAlone(
      server,
      nodes.map((node) => node.slug),
      PARTS,
    ),
  );
});

test("look-ahead follows edges, fragments and nested pages, still one statement for the parts of every page of a level", async () => {
  const query = `query ($first: Int) { coalitions(first: 5) { nodes { slug meetings(first: $first) {
      edges { node { ...Parts } } nodes { ... on Meeting { slug topics { slug } } } } } } }
    fragment Parts on Meeting { slug followUps { slug } participants { role official { slug } } sources { quote } }`;
  type Nested = { coalitions: { nodes: { meetings: { edges: { node: Node }[] } }[] } };
  const few = await ask<Nested>(query, { first: 1 });
  const many = await ask<Nested>(query, { first: 20 });
  assert.equal(few.statements, many.statements);
  // coalitions, their meeting pages, the parts ahead, the follow-ups.
  assert.equal(many.statements, 4);
  const nodes = many.data.coalitions.nodes.flatMap((coalition) => coalition.meetings.edges.map((edge) => edge.node));
  assert.ok(nodes.some((node) => (node.participants as unknown[]).length > 0));
  const alone = await meetingsAlone(
    server,
    nodes.map((node) => node.slug),
    "slug followUps { slug } participants { role official { slug } } sources { quote }",
  );
  assert.deepEqual(nodes, alone);
});

test("a page that selects no part of its meetings runs no look-ahead statement", async () => {
  const plain = await ask(`{ meetings(first: 5) { nodes { slug title followUps { slug } } } }`);
  // the page and the follow-ups.
  assert.equal(plain.statements, 2);
});
