import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords } from "../../src/import/seed";
import { countedQuery } from "../support/counted-query";
import { startTestServer, type TestServer } from "../support/server";
import { insertGeneratedMeetings } from "./generated-meetings";

/**
 * Batching: the SQL statements a request runs grow with the depth of the query, never with the number
 * of rows or the page size (counted by the server, reported as `extensions.sqlStatements`).
 */
let server: TestServer;
before(async () => {
  server = await startTestServer({ EXPOSE_SQL_STATEMENTS: "true" });
  await seedDemoRecords(server.db.dataSource);
});
after(() => server.close());

const CANONICAL = `query ($first: Int) { coalition(slug: "coalition-of-the-willing") {
  meetings(filter: { topics: ["troop-deployment"] }, first: $first) {
    totalCount
    nodes { slug title date format location { city country { code } }
            participants { official { name } representing { code } role }
            topics { slug } outcomes { kind summary } sources { source { publisher url } quote } } } } }`;

const counted = <T>(query: string, variables?: Record<string, unknown>) => countedQuery<T>(server, query, variables);

const DEMO_SOURCE = "rbc-ukraine-2026-01-06-coalition-chiefs-paris";

type Canonical = { coalition: { meetings: { totalCount: number; nodes: { slug: string; participants: unknown[] }[] } } };

test("the canonical question is answered in one request on the demo records, at the same cost for first: 5 and first: 100", async () => {
  const small = await counted<Canonical>(CANONICAL, { first: 5 });
  const large = await counted<Canonical>(CANONICAL, { first: 100 });
  assert.ok(small.data.coalition.meetings.totalCount > 0);
  assert.ok(small.data.coalition.meetings.nodes.some((meeting) => meeting.participants.length > 0));
  assert.equal(large.data.coalition.meetings.nodes.length, large.data.coalition.meetings.totalCount);
  assert.equal(small.statements, large.statements);
  // one statement: the coalition by slug with its page, the page's nested parts, its count and the topic's subtree.
  assert.equal(small.statements, 1);
  console.log(`# canonical question on the demo records: ${small.statements} SQL statements at first: 5 and at first: 100`);
});

test("50 meetings with participants cost the same statements as 5; so does the canonical question at scale", async () => {
  await insertGeneratedMeetings(server.db.dataSource, {
    prefix: "g",
    count: 150,
    coalitions: ["coalition-of-the-willing"],
    participantsEach: 3,
    topicSlug: "troop-deployment",
    details: { countryCode: "FR", sourceSlug: DEMO_SOURCE },
  });
  const participants = `query ($first: Int) { meetings(first: $first) { nodes { slug
    participants { role official { name slug } representing { code name } } } } }`;
  type Meetings = { meetings: { nodes: { participants: unknown[] }[] } };
  const five = await counted<Meetings>(participants, { first: 5 });
  const fifty = await counted<Meetings>(participants, { first: 50 });
  assert.equal(five.data.meetings.nodes.length, 5);
  assert.equal(fifty.data.meetings.nodes.length, 50);
  assert.ok(fifty.data.meetings.nodes.every((meeting) => meeting.participants.length > 0));
  assert.equal(five.statements, fifty.statements);
  console.log(
    `# 5 vs 50 meetings with participants (official, representing state): ${five.statements} vs ${fifty.statements} SQL statements`,
  );

  const small = await counted<Canonical>(CANONICAL, { first: 5 });
  const large = await counted<Canonical>(CANONICAL, { first: 100 });
  assert.equal(large.data.coalition.meetings.nodes.length, 100);
  assert.equal(small.statements, large.statements);
  console.log(`# canonical question over 150+ meetings: ${small.statements} SQL statements at first: 5 and at first: 100`);
});

test("nested meetings connections under many parents cost one statement per level, whatever the number of parents", async () => {
  const nested = `query ($parents: Int, $first: Int) {
    states(first: $parents) { nodes { code meetings(first: $first) { totalCount nodes { slug topics { slug } } } } }
    officials(first: $parents) { nodes { slug meetings(first: $first, orderBy: { field: TITLE, direction: ASC }) { totalCount nodes { slug } } } } }`;
  type Nested = { states: { nodes: { meetings: { nodes: unknown[] } }[] } };
  const few = await counted<Nested>(nested, { parents: 2, first: 2 });
  const many = await counted<Nested>(nested, { parents: 100, first: 20 });
  assert.ok(many.data.states.nodes.length > few.data.states.nodes.length);
  assert.ok(many.data.states.nodes.some((state) => state.meetings.nodes.length === 20));
  assert.equal(few.statements, many.statements);
  console.log(
    `# states+officials with nested meetings: ${few.statements} SQL statements for 2 parents x 2, and for 100 parents x 20`,
  );
});

test("totalCount is counted only when selected, in the page's own statement when the page is projected", async () => {
  const without = await counted(`{ meetings(first: 5) { nodes { slug } } }`);
  const withCount = await counted(`{ meetings(first: 5) { totalCount nodes { slug } } }`);
  assert.equal(without.statements, 1);
  assert.equal(withCount.statements, 1);
  // followUps keeps the page on the resolver path: page, follow-ups, and the count on its own.
  const resolved = await counted(`{ meetings(first: 5) { nodes { slug followUps { slug } } } }`);
  const resolvedWithCount = await counted(`{ meetings(first: 5) { totalCount nodes { slug followUps { slug } } } }`);
  assert.equal(resolvedWithCount.statements, resolved.statements + 1);
  const nested = await counted(`{ coalitions { nodes { meetings(first: 2) { nodes { slug } } } } }`);
  type Nested = { coalitions: { nodes: { slug: string; meetings: { totalCount: number } }[] } };
  const nestedWithCount = await counted<Nested>(
    `{ coalitions { nodes { slug meetings(first: 2) { totalCount nodes { slug } } } } }`,
  );
  assert.equal(nestedWithCount.statements, nested.statements);
  for (const coalition of nestedWithCount.data.coalitions.nodes) {
    const alone = await counted<{ meetings: { totalCount: number } }>(
      `query ($slug: String!) { meetings(filter: { coalitions: [$slug] }) { totalCount } }`,
      { slug: coalition.slug },
    );
    assert.equal(coalition.meetings.totalCount, alone.data.meetings.totalCount, coalition.slug);
  }
});
