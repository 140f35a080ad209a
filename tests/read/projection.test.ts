import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords } from "../../src/import/seed";
import { countedQuery } from "../support/counted-query";
import { startTestServer, type TestServer } from "../support/server";
import { insertGeneratedMeetings } from "./generated-meetings";
import { type MeetingNode, meetingsAlone } from "./meetings-alone";

/**
 * Meeting pages whose selection compiles into the page statement (src/queries/projection): the answer is
 * exactly what the field resolvers give for the same meeting asked alone (`meeting(slug:)` is never
 * projected), and a page with every part nested costs one statement, whatever its size.
 */
let server: TestServer;
before(async () => {
  // Wide selections over 100 meetings go past the default node estimate limit, which is not what this tests.
  server = await startTestServer({ EXPOSE_SQL_STATEMENTS: "true", MAX_QUERY_NODES: "10000000" });
  await seedDemoRecords(server.db.dataSource);
  await insertGeneratedMeetings(server.db.dataSource, {
    prefix: "p",
    count: 60,
    coalitions: ["coalition-of-the-willing"],
    participantsEach: 3,
    topicSlug: "troop-deployment",
    details: { countryCode: "FR", sourceSlug: "rbc-ukraine-2026-01-06-coalition-chiefs-paris" },
  });
});
after(() => server.close());

/**
 * Every field the projection knows, with aliases (of plain values too: `key: slug` beside `slug`), `lang` arguments
 * (exact, base language, unknown, none).
 */
const WIDE = `id ident: id version createdAt updatedAt slug key: slug date datePrecision status format level __typename
  title ru: title(lang: "ru") uk: title(lang: "uk-UA") xx: title(lang: "xx") titles { lang text }
  summary summaries { text lang } location { city country { code name id } }
  coalition { slug name foundedOn description names { lang } id version }
  participants { id role attendance official { handle: slug name(lang: "ru") names { lang text } createdAt updatedAt }
    representing { code name(lang: $lang) } }
  topics { slug name description parent { slug name parent { slug } } }
  outcomes { slug kind status summary summaries { lang text } topics { slug } parties { code name }
    sources { quote source { slug } } followUpMeeting { slug title date location { city } } }
  sources { id quote quoteLang source { id slug kind publisher url language publishedAt title titles { lang text } } }`;

const ask = <T>(query: string, variables?: Record<string, unknown>) => countedQuery<T>(server, query, variables);

type Node = MeetingNode;
const resolvedOneByOne = (slugs: string[], selection: string, variables: Record<string, unknown>) =>
  meetingsAlone(server, slugs, selection, variables);

test("a projected page answers every field exactly as the resolvers do, in one statement", async () => {
  for (const lang of ["ru", "en", null]) {
    const page = await ask<{ meetings: { nodes: Node[] } }>(
      `query ($lang: String) { meetings(first: 100) { nodes { ${WIDE} } } }`,
      { lang },
    );
    const nodes = page.data.meetings.nodes;
    assert.ok(nodes.length > 60);
    assert.ok(nodes.some((node) => (node.outcomes as { followUpMeeting: unknown }[]).some((o) => o.followUpMeeting)));
    assert.ok(nodes.some((node) => node.location === null) && nodes.some((node) => node.location !== null));
    assert.ok(nodes.some((node) => node.ru !== node.title));
    assert.equal(page.statements, 1);
    assert.deepEqual(
      nodes,
      await resolvedOneByOne(
        nodes.map((node) => node.slug),
        WIDE,
        { lang },
      ),
    );
  }
});

test("nested projected pages cost one statement per level, counts included, at any page size", async () => {
  const query = `query ($first: Int, $lang: String) { coalitions { nodes { slug
    meetings(first: $first, filter: { topics: ["security-guarantees"] }) { totalCount nodes { ${WIDE} } } } } }`;
  type Nested = { coalitions: { nodes: { meetings: { totalCount: number; nodes: Node[] } }[] } };
  const few = await ask<Nested>(query, { first: 2, lang: "ru" });
  const many = await ask<Nested>(query, { first: 100, lang: "ru" });
  // the coalitions; every coalition's page with its nested parts, count and the topic's subtree.
  assert.equal(few.statements, 2);
  assert.equal(many.statements, few.statements);
  const pages = many.data.coalitions.nodes.map((coalition) => coalition.meetings);
  assert.ok(pages.some((page) => page.nodes.length > 2));
  for (const page of pages) assert.equal(page.totalCount, page.nodes.length);
  const nodes = pages.flatMap((page) => page.nodes);
  assert.deepEqual(
    nodes,
    await resolvedOneByOne(
      nodes.map((node) => node.slug),
      WIDE,
      { lang: "ru" },
    ),
  );
});

test("fragments, @include/@skip and edges with nodes select what graphql-js executes", async () => {
  const query = `query ($withTopics: Boolean!, $lang: String) { meetings(first: 30) {
      edges { cursor node { slug ...Parts } } nodes { slug t: title(lang: $lang) ... on Meeting { topics @include(if: $withTopics) { slug } } } } }
    fragment Parts on Meeting { participants @skip(if: $withTopics) { role official { slug } } date }`;
  type Page = { meetings: { edges: { cursor: string; node: Node }[]; nodes: Node[] } };
  for (const withTopics of [true, false]) {
    const page = await ask<Page>(query, { withTopics, lang: "ru" });
    assert.equal(page.statements, 1);
    const nodes = page.data.meetings.nodes;
    assert.equal(page.data.meetings.edges.length, nodes.length);
    const nodeSelection = `slug t: title(lang: $lang) ${withTopics ? "topics { slug }" : ""}`;
    const edgeSelection = `slug date ${withTopics ? "" : "participants { role official { slug } }"}`;
    const slugs = nodes.map((node) => node.slug);
    assert.deepEqual(nodes, await resolvedOneByOne(slugs, nodeSelection, { lang: "ru" }));
    assert.deepEqual(
      page.data.meetings.edges.map((edge) => edge.node),
      await resolvedOneByOne(slugs, edgeSelection, { lang: "ru" }),
    );
  }
});

test("a query re-run with other variables gets the projection of its own values, also through fragments", async () => {
  // The compiled projection is reused across requests by the values of the variables used below the field:
  // `$lang` (read inside a fragment) must change the answer, `$after` (the field's own argument) must not.
  // The demo meetings (from the Russian article) have English and Russian titles; the generated ones only English.
  const query = `query ($lang: String, $after: String) {
      meetings(first: 1, after: $after, filter: { officials: ["fabien-mandon"] }) {
        pageInfo { endCursor } nodes { slug ...Title } } }
    fragment Title on Meeting { t: title(lang: $lang) }`;
  type Page = { meetings: { pageInfo: { endCursor: string }; nodes: Node[] } };
  let after: string | null = null;
  const titles = new Set<unknown>();
  for (const lang of ["en", "ru", "en", "ru"]) {
    const page: { data: Page } = await ask<Page>(query, { lang, after });
    const nodes = page.data.meetings.nodes;
    assert.ok(nodes.length > 0, `a page in ${lang}`);
    const slugs = nodes.map((node) => node.slug);
    assert.deepEqual(nodes, await resolvedOneByOne(slugs, "slug t: title(lang: $lang)", { lang }), lang);
    for (const node of nodes) titles.add(node.t);
    if (lang === "ru") after = page.data.meetings.pageInfo.endCursor;
  }
  assert.ok(
    [...titles].some((title) => /[А-Яа-я]/.test(String(title))),
    "some titles came in Russian",
  );
  assert.ok(
    [...titles].some((title) => /^[A-Za-z]/.test(String(title))),
    "some titles came in English",
  );
});

test("a resolved field whose alias names a plain field selected beside it is answered by the resolvers", async () => {
  // A projected object holds plain values under their field's name: here "slug" would hold two values.
  const selection = "slug: title s: slug coalition { name: slug n: name }";
  const page = await ask<{ meetings: { nodes: Node[] } }>(`{ meetings(first: 10) { nodes { ${selection} } } }`);
  const nodes = page.data.meetings.nodes;
  assert.equal(nodes.length, 10);
  assert.ok(nodes.every((node) => node.slug !== node.s));
  assert.deepEqual(
    nodes,
    await resolvedOneByOne(
      nodes.map((node) => String(node.s)),
      selection,
      {},
    ),
  );
});

test("selections the projection cannot build are answered by the resolvers", async () => {
  // One response key meaning two fields (nodes vs edges), and a field with no SQL (followUps).
  const query = `{ meetings(first: 10) { nodes { x: slug followUps { slug } } edges { node { x: title slug } } } }`;
  type Page = { meetings: { nodes: Node[]; edges: { node: Node }[] } };
  const page = await ask<Page>(query);
  const slugs = page.data.meetings.edges.map((edge) => edge.node.slug);
  assert.deepEqual(page.data.meetings.nodes, await resolvedOneByOne(slugs, "x: slug followUps { slug }", {}));
  assert.deepEqual(
    page.data.meetings.edges.map((edge) => edge.node),
    await resolvedOneByOne(slugs, "x: title slug", {}),
  );
});

test("a counted page reports the total also when the page itself is empty", async () => {
  type Connection = { totalCount: number; nodes: Node[]; pageInfo: { endCursor: string | null } };
  const all = await ask<{ meetings: Connection }>(`{ meetings(first: 50) { totalCount nodes { slug } pageInfo { endCursor } } }`);
  const total = all.data.meetings.totalCount;
  assert.ok(total > 60);
  const last = await ask<{ meetings: Connection }>(
    `query ($after: String) { meetings(first: 50, after: $after) { totalCount nodes { slug } pageInfo { endCursor } } }`,
    { after: all.data.meetings.pageInfo.endCursor },
  );
  assert.equal(last.data.meetings.totalCount, total);
  const rest = await ask<{ meetings: Connection }>(
    `query ($after: String) { meetings(first: 5, after: $after) { totalCount nodes { slug } } }`,
    { after: last.data.meetings.pageInfo.endCursor },
  );
  assert.equal(all.data.meetings.nodes.length + last.data.meetings.nodes.length, total);
  assert.deepEqual(rest.data.meetings, { totalCount: total, nodes: [] });
  assert.equal(rest.statements, 1);
  const none = await ask<{ coalitions: { nodes: { meetings: Connection }[] } }>(
    `{ coalitions { nodes { meetings(filter: { text: "no meeting says this" }) { totalCount nodes { slug } } } } }`,
  );
  for (const coalition of none.data.coalitions.nodes) assert.deepEqual(coalition.meetings, { totalCount: 0, nodes: [] });
});
