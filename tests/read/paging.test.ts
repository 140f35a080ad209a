import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../support/server";
import { expectedOrder, insertGeneratedMeetings, meetingSortRows } from "./generated-meetings";

interface Page {
  edges: { cursor: string; node: { slug: string } }[];
  nodes: { slug: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number;
}

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await server.db.dataSource.query(
    `INSERT INTO coalition (slug, name) VALUES ('alpha', '{"en":"Alpha"}'), ('beta', '{"en":"Beta"}'), ('empty', '{"en":"Empty"}')`,
  );
  await insertGeneratedMeetings(server.db.dataSource, { prefix: "m", count: 47, coalitions: ["alpha", "beta"] });
});
after(() => server.close());

const PAGE_FIELDS =
  "edges { cursor node { slug } } nodes { slug } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

async function meetingsPage(args: string): Promise<Page> {
  const { body } = await server.graphql<{ meetings: Page }>(
    `{ meetings${args ? `(${args})` : ""} { ${PAGE_FIELDS} totalCount } }`,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return (body.data as { meetings: Page }).meetings;
}

/** Pages to the end in one direction, checking each page's own consistency; returns the slugs in list order. */
async function readAll(orderBy: string, size: number, backward: boolean): Promise<string[]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let round = 0; round < 100; round += 1) {
    const paging: string = backward
      ? `last: ${size}${cursor ? `, before: "${cursor}"` : ""}`
      : `first: ${size}${cursor ? `, after: "${cursor}"` : ""}`;
    const page = await meetingsPage(`${orderBy} ${paging}`);
    assert.deepEqual(
      page.nodes.map((node) => node.slug),
      page.edges.map((edge) => edge.node.slug),
    );
    assert.ok(page.nodes.length <= size);
    assert.equal(page.pageInfo.startCursor, page.edges[0]?.cursor ?? null);
    assert.equal(page.pageInfo.endCursor, page.edges.at(-1)?.cursor ?? null);
    pages.push(page.nodes.map((node) => node.slug));
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) break;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  return backward ? pages.reverse().flat() : pages.flat();
}

test("meetings default to DATE DESC, ties by slug ascending, meetings with no date last", async () => {
  const rows = await meetingSortRows(server.db.dataSource);
  const page = await meetingsPage("first: 100");
  assert.deepEqual(
    page.nodes.map((node) => node.slug),
    expectedOrder(rows, "date", "DESC"),
  );
  assert.equal(page.totalCount, 47);
  assert.equal(page.pageInfo.hasNextPage, false);
  assert.equal(page.pageInfo.hasPreviousPage, false);
});

for (const [field, key] of [
  ["DATE", "date"],
  ["TITLE", "title"],
  ["CREATED_AT", "createdAt"],
] as const) {
  for (const direction of ["ASC", "DESC"] as const) {
    test(`paging ${field} ${direction} forward and backward visits every meeting once, in order`, async () => {
      const expected = expectedOrder(await meetingSortRows(server.db.dataSource), key, direction);
      const orderBy = `orderBy: { field: ${field}, direction: ${direction} }`;
      assert.deepEqual(await readAll(orderBy, 6, false), expected);
      assert.deepEqual(await readAll(orderBy, 7, true), expected);
    });
  }
}

test("first defaults to 20; first: 0 gives an empty page that still says more follow", async () => {
  assert.equal((await meetingsPage("")).nodes.length, 20);
  const empty = await meetingsPage("first: 0");
  assert.deepEqual(empty.nodes, []);
  assert.equal(empty.pageInfo.hasNextPage, true);
  assert.equal(empty.totalCount, 47);
});

test("paging stays correct while meetings are inserted mid-way (no gaps, no duplicates)", async () => {
  const firstPage = await meetingsPage("first: 10");
  const seen = firstPage.nodes.map((node) => node.slug);
  await insertGeneratedMeetings(server.db.dataSource, { prefix: "n", count: 12, coalitions: ["alpha"] });
  const rest: string[] = [];
  let cursor = firstPage.pageInfo.endCursor;
  for (let more = true; more; ) {
    const page = await meetingsPage(`first: 9, after: "${cursor}"`);
    rest.push(...page.nodes.map((node) => node.slug));
    more = page.pageInfo.hasNextPage;
    cursor = page.pageInfo.endCursor;
  }
  const now = expectedOrder(await meetingSortRows(server.db.dataSource), "date", "DESC");
  const lastSeen = now.indexOf(seen[seen.length - 1]);
  assert.deepEqual(rest, now.slice(lastSeen + 1));
  const all = [...seen, ...rest];
  assert.equal(new Set(all).size, all.length);
  for (let i = 0; i < 47; i += 1) assert.ok(all.includes(`m-${String(i).padStart(3, "0")}`));
  assert.ok(
    rest.some((slug) => slug.startsWith("n-")),
    "meetings inserted after the cursor are reached",
  );
  await server.db.dataSource.query(`DELETE FROM meeting WHERE slug LIKE 'n-%'`);
});

test("nested coalition meetings page per coalition in one request, with their own cursors and counts", async () => {
  const rows = await meetingSortRows(server.db.dataSource);
  const query = `query ($afterAlpha: String, $afterBeta: String) {
    alpha: coalition(slug: "alpha") { meetings(first: 5, after: $afterAlpha) { ${PAGE_FIELDS} totalCount } }
    beta: coalition(slug: "beta") { meetings(first: 5, after: $afterBeta) { ${PAGE_FIELDS} totalCount } }
    empty: coalition(slug: "empty") { meetings(first: 5) { ${PAGE_FIELDS} totalCount } } }`;
  type Result = Record<"alpha" | "beta" | "empty", { meetings: Page }>;
  const collected: Record<"alpha" | "beta", string[]> = { alpha: [], beta: [] };
  const cursors: Record<"alpha" | "beta", string | null> = { alpha: null, beta: null };
  for (let round = 0; round < 10; round += 1) {
    const { body } = await server.graphql<Result>(query, { afterAlpha: cursors.alpha, afterBeta: cursors.beta });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const data = body.data as Result;
    assert.deepEqual(data.empty.meetings.nodes, []);
    assert.equal(data.empty.meetings.totalCount, 0);
    for (const name of ["alpha", "beta"] as const) {
      const page = data[name].meetings;
      assert.equal(page.totalCount, rows.filter((row) => row.coalition === name).length);
      if (cursors[name] === null && collected[name].length > 0) continue;
      collected[name].push(...page.nodes.map((node) => node.slug));
      cursors[name] = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    if (cursors.alpha === null && cursors.beta === null) break;
  }
  for (const name of ["alpha", "beta"] as const) {
    assert.deepEqual(
      collected[name],
      expectedOrder(
        rows.filter((row) => row.coalition === name),
        "date",
        "DESC",
      ),
    );
  }
});

test("page sizes above 100 or below 0, first with last, and foreign cursors are BAD_USER_INPUT", async () => {
  const dateCursor = (await meetingsPage("first: 1")).pageInfo.endCursor;
  for (const args of [
    "first: 101",
    "first: -1",
    "last: 101",
    "first: 5, last: 5",
    'after: "not-a-cursor"',
    `orderBy: { field: TITLE }, after: "${dateCursor}"`,
  ]) {
    const { body } = await server.graphql(`{ meetings(${args}) { nodes { slug } } }`);
    assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `${args}: ${JSON.stringify(body.errors)}`);
  }
  const nested = await server.graphql(`{ coalition(slug: "alpha") { meetings(first: 1000) { nodes { slug } } } }`);
  assert.equal(nested.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  const { body } = await server.graphql(`{ coalitions(first: 101) { nodes { slug } } }`);
  assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(body.errors?.[0]?.message ?? "", /first.*100/);
});

test("other lists are connections ordered by their human key", async () => {
  const { body } = await server.graphql<{ coalitions: Page; second: Page }>(`{
    coalitions(first: 2) { ${PAGE_FIELDS} totalCount }
    second: coalitions(last: 1) { ${PAGE_FIELDS} totalCount } }`);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const data = body.data as { coalitions: Page; second: Page };
  assert.deepEqual(
    data.coalitions.nodes.map((node) => node.slug),
    ["alpha", "beta"],
  );
  assert.equal(data.coalitions.totalCount, 3);
  assert.equal(data.coalitions.pageInfo.hasNextPage, true);
  assert.deepEqual(
    data.second.nodes.map((node) => node.slug),
    ["empty"],
  );
  assert.equal(data.second.pageInfo.hasPreviousPage, true);
  const next = await server.graphql<{ coalitions: Page }>(
    `{ coalitions(after: "${data.coalitions.pageInfo.endCursor}") { nodes { slug } } }`,
  );
  assert.deepEqual(next.body.data?.coalitions.nodes, [{ slug: "empty" }]);
});

test("nested meetings page backward too: last and before under each coalition", async () => {
  const rows = await meetingSortRows(server.db.dataSource);
  const expected = (name: string) =>
    expectedOrder(
      rows.filter((row) => row.coalition === name),
      "title",
      "DESC",
    );
  type Result = Record<"alpha" | "beta", { meetings: Page }>;
  const last = `meetings(last: 4, orderBy: { field: TITLE, direction: DESC }) { ${PAGE_FIELDS} }`;
  const { body } = await server.graphql<Result>(
    `{ alpha: coalition(slug: "alpha") { ${last} } beta: coalition(slug: "beta") { ${last} } }`,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const data = body.data as Result;
  for (const name of ["alpha", "beta"] as const) {
    const page = data[name].meetings;
    assert.deepEqual(
      page.nodes.map((node) => node.slug),
      expected(name).slice(-4),
    );
    assert.equal(page.pageInfo.hasPreviousPage, true);
    const before = await server.graphql<Result>(
      `{ ${name}: coalition(slug: "${name}") { meetings(last: 3, before: "${page.pageInfo.startCursor}", orderBy: { field: TITLE, direction: DESC }) { ${PAGE_FIELDS} } } }`,
    );
    assert.deepEqual(
      before.body.data?.[name].meetings.nodes.map((node) => node.slug),
      expected(name).slice(-7, -4),
    );
    assert.equal(before.body.data?.[name].meetings.pageInfo.hasNextPage, true);
  }
});
