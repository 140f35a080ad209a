import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords } from "../../src/import/seed";
import { countedQuery } from "../support/counted-query";
import { startTestServer, type TestServer } from "../support/server";

/**
 * `coalition(slug:)`, `state(code:)` and `official(slug:)` fetch their record and its first `meetings` page in
 * one statement; the answers must equal those of the batched path (`coalitions(filter:) { nodes { meetings } }`),
 * which looks the record up first and asks for the page in a statement of its own.
 */
let server: TestServer;
before(async () => {
  server = await startTestServer({ EXPOSE_SQL_STATEMENTS: "true" });
  await seedDemoRecords(server.db.dataSource);
});
after(() => server.close());

const counted = <T>(query: string, variables?: Record<string, unknown>) => countedQuery<T>(server, query, variables);

const PAGE = `totalCount pageInfo { hasNextPage endCursor }
  nodes { slug title(lang: "ru") date format participants { official { name } representing { code } } topics { slug } }`;

type Page = { totalCount: number; nodes: { slug: string }[] };

const LOOKUPS = [
  { root: "coalition", list: "coalitions", field: "slug", value: "coalition-of-the-willing", filter: "slugs" },
  { root: "state", list: "states", field: "code", value: "FR", filter: "codes" },
  { root: "official", list: "officials", field: "slug", value: "fabien-mandon", filter: "slugs" },
];

test("a lookup with its meetings is one statement and answers as the batched path does", async () => {
  for (const { root, list, field, value, filter } of LOOKUPS) {
    for (const args of ["first: 2", 'first: 2, filter: { topics: ["security-guarantees"] }', "last: 1", "first: 100"]) {
      const fields = `${field} name(lang: "ru") meetings(${args}) { ${PAGE} }`;
      const alone = await counted<Record<string, Record<string, unknown>>>(`{ ${root}(${field}: "${value}") { ${fields} } }`);
      const batched = await counted<Record<string, { nodes: Record<string, unknown>[] }>>(
        `{ ${list}(first: 1, filter: { ${filter}: ["${value}"] }) { nodes { ${fields} } } }`,
      );
      assert.equal(alone.statements, 1, `${root} ${args}`);
      assert.equal(batched.statements, 2, `${list} ${args}`);
      assert.deepEqual(alone.data[root], batched.data[list].nodes[0], `${root} ${args}`);
      assert.ok((alone.data[root].meetings as Page).totalCount > 0, `${root} ${args}`);
    }
  }
});

test("a person's page (official, positions, meetings with participants) is one statement and answers as the batched path does", async () => {
  const fields = `slug name positions { title organization(lang: "fr") since until state { code } official { slug } }
    meetings(first: 10) { ${PAGE} }`;
  type Person = { positions: unknown[]; meetings: Page };
  const alone = await counted<{ official: Person }>(`{ official(slug: "fabien-mandon") { ${fields} } }`);
  const batched = await counted<{ officials: { nodes: Person[] } }>(
    `{ officials(first: 1, filter: { slugs: ["fabien-mandon"] }) { nodes { ${fields} } } }`,
  );
  assert.equal(alone.statements, 1);
  assert.deepEqual(alone.data.official, batched.data.officials.nodes[0]);
  assert.ok(alone.data.official.positions.length > 0);
  assert.ok(alone.data.official.meetings.totalCount > 0);
});

test("an unknown key is null in one statement; a state code is matched in any case", async () => {
  const missing = await counted<{ coalition: null }>(`{ coalition(slug: "no-such-coalition") { slug meetings { totalCount } } }`);
  assert.equal(missing.data.coalition, null);
  assert.equal(missing.statements, 1);
  const lower = await counted<{ state: { code: string; meetings: Page } }>(
    `{ state(code: "fr") { code meetings { totalCount } } }`,
  );
  assert.equal(lower.data.state.code, "FR");
  assert.ok(lower.data.state.meetings.totalCount > 0);
});

test("fragments, aliases and a second meetings field: the first comes with the record, the rest as before", async () => {
  const query = `query ($withOld: Boolean!) { coalition(slug: "coalition-of-the-willing") { ...Recent
      old: meetings(last: 1) @include(if: $withOld) { nodes { slug } } } }
    fragment Recent on Coalition { slug recent: meetings(first: 1) { nodes { slug } } }`;
  type Answer = { coalition: { slug: string; recent: Page; old?: Page } };
  const both = await counted<Answer>(query, { withOld: true });
  const one = await counted<Answer>(query, { withOld: false });
  assert.equal(one.statements, 1);
  assert.equal(both.statements, 2);
  assert.deepEqual(both.data.coalition.recent, one.data.coalition.recent);
  assert.equal(one.data.coalition.old, undefined);
  const all = await counted<{ coalition: { meetings: { nodes: { slug: string }[] } } }>(
    `{ coalition(slug: "coalition-of-the-willing") { meetings(first: 100) { nodes { slug } } } }`,
  );
  const slugs = all.data.coalition.meetings.nodes.map((node) => node.slug);
  assert.deepEqual(both.data.coalition.recent.nodes[0].slug, slugs[0]);
  assert.deepEqual(both.data.coalition.old?.nodes[0].slug, slugs.at(-1));
});

test("errors in the page's arguments are reported at the page's path, as on the batched path", async () => {
  for (const args of [
    "first: 5, last: 5",
    'filter: { text: "   " }',
    'filter: { topics: ["no-such-topic"] }',
    'after: "not-a-cursor"',
  ]) {
    const { body } = await server.graphql<{ coalition: { slug: string; meetings: Page | null } | null }>(
      `{ coalition(slug: "coalition-of-the-willing") { slug meetings(${args}) { totalCount } } }`,
    );
    assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `${args}: ${JSON.stringify(body.errors)}`);
    assert.deepEqual(body.errors?.[0]?.path, ["coalition", "meetings"], args);
    // `meetings` is non-null, so its error nulls the coalition, as GraphQL prescribes.
    assert.equal(body.data?.coalition, null, args);
  }
});
