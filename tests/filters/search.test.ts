import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { countedQuery } from "../support/counted-query";
import { startTestServer, type TestServer } from "../support/server";
import { insertFixture } from "./fixture-records";
import { smallFixture } from "./small-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer({ EXPOSE_SQL_STATEMENTS: "true" });
  await insertFixture(server.db.dataSource, smallFixture);
});
after(() => server.close());

interface Hit {
  rank: number;
  snippet: string | null;
  node: { __typename: string; key?: string; text?: string };
}
interface Page {
  totalCount: number;
  edges: { cursor: string; node: Hit }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const SEARCH = `query($q: String!, $types: [SearchType!], $lang: String, $first: Int, $after: String) {
  search(query: $q, types: $types, lang: $lang, first: $first, after: $after) {
    totalCount
    edges { cursor node { rank snippet node {
      __typename
      ... on Meeting { key: slug } ... on Outcome { key: slug } ... on Official { key: slug } ... on Source { key: slug }
      ... on Statement { text }
    } } }
    pageInfo { hasNextPage endCursor }
  } }`;

async function search(variables: Record<string, unknown>): Promise<Page> {
  const { body } = await server.graphql<{ search: Page }>(SEARCH, variables);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data?.search as Page;
}

const label = (hit: Hit) => `${hit.node.__typename}:${hit.node.key ?? hit.node.text}`;

describe("search", () => {
  test("Russian stemming across types, ranked, with a highlighted snippet", async () => {
    const page = await search({ q: "гарантиям", lang: "ru" });
    const labels = page.edges.map((edge) => label(edge.node));
    assert.deepEqual([...labels].sort(), [
      "Meeting:chiefs-2026-01-06",
      "Source:rbc-chiefs",
      "Statement:Мы готовы обеспечить гарантии безопасности",
    ]);
    assert.equal(page.totalCount, 3);
    const ranks = page.edges.map((edge) => edge.node.rank);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => b - a),
    );
    for (const edge of page.edges) assert.match(edge.node.snippet ?? "", /<b>гаранти[а-я]*<\/b>/i);
  });
  test("types narrows the search; officials match by misspelt name", async () => {
    const page = await search({ q: "Zelenskyy", types: ["OFFICIAL"] });
    assert.deepEqual(
      page.edges.map((edge) => label(edge.node)),
      ["Official:volodymyr-zelensky"],
    );
    assert.ok(page.edges[0].node.rank > 0);
    assert.deepEqual(
      (await search({ q: "гарантиям", types: ["SOURCE", "OUTCOME"] })).edges.map((edge) => label(edge.node)),
      ["Source:rbc-chiefs"],
    );
  });
  test("ranking: more occurrences of the words rank higher", async () => {
    const page = await search({ q: "ceasefire monitoring" });
    assert.deepEqual(
      page.edges.map((edge) => label(edge.node)),
      ["Meeting:leaders-2026-01", "Statement:We will monitor the ceasefire together"],
    );
    assert.ok(page.edges[0].node.rank > page.edges[1].node.rank);
  });
  test("each type alone, with and without a language", async () => {
    const expected: Record<string, string> = {
      MEETING: "Meeting:chiefs-2026-01-06",
      OUTCOME: "Outcome:chiefs-plan",
      STATEMENT: "Statement:Мы готовы обеспечить гарантии безопасности",
      OFFICIAL: "Official:fabien-mandon",
      SOURCE: "Source:rbc-chiefs",
    };
    const queries: Record<string, string> = {
      MEETING: "гарантиям",
      OUTCOME: "deploying",
      STATEMENT: "гарантиям",
      OFFICIAL: "Мандон",
      SOURCE: "гарантиям",
    };
    for (const [type, want] of Object.entries(expected)) {
      for (const lang of [null, "ru", "de-AT"]) {
        const page = await search({ q: queries[type], types: [type], lang });
        assert.deepEqual(
          page.edges.map((edge) => label(edge.node)),
          [want],
          `${type} ${lang}`,
        );
      }
    }
  });
  test("snippet in the language asked, with fallback", async () => {
    const [hit] = (await search({ q: "Зеленский", types: ["OFFICIAL"], lang: "uk" })).edges;
    assert.equal(hit.node.snippet, "Володимир Зеленський");
    const [english] = (await search({ q: "ceasefire", types: ["MEETING"], lang: "fr" })).edges;
    assert.match(english.node.snippet ?? "", /<b>ceasefire<\/b>/);
  });
  test("paging by cursor walks every hit once, best first", async () => {
    const all = await search({ q: "ceasefire or monitoring or guarantees or гарантии", first: 100 });
    assert.ok(all.totalCount >= 3);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: Page = await search({ q: "ceasefire or monitoring or guarantees or гарантии", first: 1, after: cursor });
      seen.push(...page.edges.map((edge) => label(edge.node)));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    assert.deepEqual(
      seen,
      all.edges.map((edge) => label(edge.node)),
    );
    assert.equal(seen.length, all.totalCount);
  });
  test("totalCount comes with the page in one statement, also for an empty page; read alone later, it costs one", async () => {
    const q = "ceasefire or monitoring or guarantees or гарантии";
    const all = await search({ q, first: 100 });
    const count = (selection: string, variables: Record<string, unknown>) =>
      countedQuery<{ search: Page }>(
        server,
        `query($q: String!, $first: Int, $after: String) { search(query: $q, first: $first, after: $after) { ${selection} } }`,
        variables,
      );
    const withPage = await count("totalCount edges { cursor }", { q, first: 1 });
    assert.deepEqual([withPage.data.search.totalCount, withPage.statements], [all.totalCount, 1]);
    const pastTheEnd = await count("totalCount edges { cursor }", { q, after: all.edges.at(-1)?.cursor });
    assert.deepEqual(
      [pastTheEnd.data.search.totalCount, pastTheEnd.data.search.edges, pastTheEnd.statements],
      [all.totalCount, [], 1],
    );
    const none = await count("totalCount edges { cursor }", { q: "nothingmatchesthis" });
    assert.deepEqual([none.data.search.totalCount, none.data.search.edges], [0, []]);
    const inFragment = await countedQuery<{ search: Page }>(
      server,
      `query($q: String!) { search(query: $q) { ...Total edges { cursor } } } fragment Total on SearchHitConnection { totalCount }`,
      { q },
    );
    assert.deepEqual([inFragment.data.search.totalCount, inFragment.statements], [all.totalCount, 2]);
  });
  test("the hits' records come in the page's one statement, the same as when looked up by id", async () => {
    const fields = `fragment Record on SearchResult { __typename ... on Node { id } ... on Meeting { slug title date status }
      ... on Official { slug name } ... on Outcome { slug summary } ... on Source { slug title } ... on Statement { text } }`;
    type Found = { search: { totalCount: number; nodes: { node: { id: string } }[] } };
    const found = await countedQuery<Found>(
      server,
      `query($q: String!) { search(query: $q, first: 50) { totalCount nodes { node { ...Record } } } } ${fields}`,
      { q: "ceasefire or guarantees or гарантии or multinational or Radakin or Merz" },
    );
    const records = found.data.search.nodes.map((hit) => hit.node);
    assert.deepEqual([...new Set(records.map((record) => (record as { __typename?: string }).__typename))].sort(), [
      "Meeting",
      "Official",
      "Outcome",
      "Source",
      "Statement",
    ]);
    assert.equal(found.statements, 1);
    const { body } = await server.graphql<{ nodes: unknown[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ...Record } } ${fields}`,
      { ids: records.map((record) => record.id) },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(body.data?.nodes, records);
  });
  test("snippets are cut when selected, also through a fragment, and only then", async () => {
    type Hits = { search: { nodes: { rank: number; snippet?: string | null }[] } };
    const q = "ceasefire";
    const plain = await countedQuery<Hits>(server, `query($q: String!) { search(query: $q) { nodes { rank } } }`, { q });
    assert.ok(plain.data.search.nodes.length > 0);
    const viaFragment = await countedQuery<Hits>(
      server,
      `query($q: String!) { search(query: $q) { nodes { rank ...Cut } } } fragment Cut on SearchHit { snippet }`,
      { q },
    );
    assert.deepEqual(
      viaFragment.data.search.nodes.map((hit) => hit.rank),
      plain.data.search.nodes.map((hit) => hit.rank),
    );
    for (const hit of viaFragment.data.search.nodes) assert.match(hit.snippet ?? "", /<b>ceasefire<\/b>/i);
  });
  test("a blank query, a page over 100 and a foreign cursor are BAD_USER_INPUT", async () => {
    const forged = Buffer.from(JSON.stringify(["search", "not-a-rank", "MEETING:1"])).toString("base64url");
    for (const variables of [{ q: "  " }, { q: "x", first: 101 }, { q: "x", after: "bm9wZQ" }, { q: "x", after: forged }]) {
      const { body } = await server.graphql(SEARCH, variables);
      assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(variables));
    }
  });
});
