import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import type { TestServer } from "../support/server";
import { MEETINGS_ON_TOPICS, SAVE_QUERY, startSavedQueryServer } from "./saved-support";

let server: TestServer;
let auth: Record<string, Record<string, string>>;
before(async () => {
  ({ server, auth } = await startSavedQueryServer({ analyst: Role.READER, colleague: Role.READER, admin: Role.ADMIN }));
});
after(() => server.close());

interface SavedQueryAnswer {
  name: string;
  version: number;
  owner: string | null;
  restPath: string;
  isValid: boolean;
  validationErrors: string[];
  documentHash: string;
  versions: { version: number; author: string | null }[];
}

interface MeetingRow {
  slug: string;
  date: string | null;
  format: string | null;
  location: { city: string | null; country: { code: string } | null } | null;
  participants: { official: { slug: string }; role: string }[];
}

async function save(input: Record<string, unknown>, who: string) {
  return server.graphql<{ saveQuery: SavedQueryAnswer }>(SAVE_QUERY, { input }, auth[who]);
}

function restUrl(path: string): string {
  return `${server.origin}${path}`;
}

test("a key holder saves a query; it is version 1, owned by the key, valid, with its REST path", async () => {
  const { body } = await save(
    { name: "meetings-on-topics", title: "Meetings on topics", document: MEETINGS_ON_TOPICS, variables: { first: 10 } },
    "analyst",
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const saved = body.data?.saveQuery;
  assert.deepEqual(
    { name: saved?.name, version: saved?.version, owner: saved?.owner, restPath: saved?.restPath, isValid: saved?.isValid },
    { name: "meetings-on-topics", version: 1, owner: "analyst", restPath: "/saved/meetings-on-topics", isValid: true },
  );
  assert.deepEqual(saved?.versions, [{ version: 1, author: "analyst" }]);
});

test("the saved query runs over GraphQL, REST JSON and REST CSV with the same rows", async () => {
  const graphql = await server.graphql<{ runSavedQuery: { meetings: { nodes: MeetingRow[] } } }>(
    `query Run($variables: JSONObject) { runSavedQuery(name: "meetings-on-topics", variables: $variables) }`,
    { variables: { topics: ["troop-deployment"] } },
  );
  assert.equal(graphql.body.errors, undefined, JSON.stringify(graphql.body.errors));
  const rows = graphql.body.data?.runSavedQuery.meetings.nodes ?? [];
  assert.deepEqual(
    rows.map((row) => row.slug),
    ["coalition-leaders-paris-2026-01-06"],
  );

  const json = await fetch(restUrl("/saved/meetings-on-topics?topics=troop-deployment"));
  assert.equal(json.status, 200);
  const jsonBody = (await json.json()) as { data: { meetings: { nodes: MeetingRow[] } } };
  assert.deepEqual(jsonBody.data.meetings.nodes, rows);

  const post = await fetch(restUrl("/saved/meetings-on-topics"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ topics: ["troop-deployment"] }),
  });
  assert.deepEqual(((await post.json()) as typeof jsonBody).data.meetings.nodes, rows);

  const csv = await fetch(restUrl("/saved/meetings-on-topics?topics=troop-deployment&format=csv"));
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
  const text = await csv.text();
  const lines = text.split("\r\n");
  assert.equal(lines[0], "slug,date,format,location.city,location.country.code,participants.official.slug,participants.role");
  assert.equal(lines[1], "coalition-leaders-paris-2026-01-06,2026-01-06,IN_PERSON,Paris,FR,volodymyr-zelensky,PARTICIPANT");
  assert.equal(lines.length, 3, "a header, one row, and the final CRLF");
});

test("CSV takes the list named by path=, else the first list; nested lists join their values", async () => {
  await save(
    {
      name: "coalition-names",
      title: "Coalition names",
      document: `{ coalitions { nodes { slug name names { lang text } } } states { nodes { code } } }`,
    },
    "analyst",
  );
  const csv = await (await fetch(restUrl("/saved/coalition-names?format=csv&path=states.nodes"))).text();
  assert.equal(csv, "code\r\nFR\r\nGB\r\nUA\r\nUS\r\n");
  const first = await (await fetch(restUrl("/saved/coalition-names?format=csv"))).text();
  assert.equal(
    first,
    "slug,name,names.lang,names.text\r\ncoalition-of-the-willing,Coalition of the Willing,en; ru; uk,Coalition of the Willing; Коалиция желающих; Коаліція охочих\r\n",
  );
});

test("saving the same name again stores version 2 and keeps version 1", async () => {
  const { body } = await save(
    { name: "meetings-on-topics", title: "Meetings on topics (v2)", document: MEETINGS_ON_TOPICS },
    "analyst",
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.equal(body.data?.saveQuery.version, 2);
  assert.deepEqual(
    body.data?.saveQuery.versions.map((version) => version.version),
    [2, 1],
  );
});

test("a save with a stale expectedVersion is a CONFLICT and saves nothing", async () => {
  const { body } = await server.graphql(
    `mutation ($input: SaveQueryInput!) { saveQuery(input: $input, expectedVersion: 1) { version } }`,
    { input: { name: "meetings-on-topics", title: "Stale", document: MEETINGS_ON_TOPICS } },
    auth.analyst,
  );
  assert.equal(body.errors?.[0]?.extensions?.code, "CONFLICT");
  assert.match(body.errors?.[0]?.message ?? "", /not at version 1: it is at version 2/);
  const [row] = await server.db.dataSource.query(`SELECT version FROM saved_query WHERE name = 'meetings-on-topics'`);
  assert.equal(row.version, 2);
});

test("another reader cannot overwrite or delete it; an ADMIN can", async () => {
  const { body } = await save(
    { name: "meetings-on-topics", title: "Hijacked", document: "{ states { totalCount } }" },
    "colleague",
  );
  assert.equal(body.errors?.[0]?.extensions?.code, "FORBIDDEN");
  const deleted = await server.graphql(`mutation { deleteSavedQuery(name: "meetings-on-topics") { key } }`, {}, auth.colleague);
  assert.equal(deleted.body.errors?.[0]?.extensions?.code, "FORBIDDEN");
  const [row] = await server.db.dataSource.query(`SELECT version, title FROM saved_query WHERE name = 'meetings-on-topics'`);
  assert.deepEqual(row, { version: 2, title: "Meetings on topics (v2)" });
  const byAdmin = await save({ name: "meetings-on-topics", title: "Fixed by admin", document: MEETINGS_ON_TOPICS }, "admin");
  assert.equal(byAdmin.body.data?.saveQuery.version, 3);
  assert.equal(byAdmin.body.data?.saveQuery.owner, "analyst");
});

test("an anonymous client cannot save", async () => {
  const { body } = await server.graphql(SAVE_QUERY, {
    input: { name: "anon", title: "Anon", document: "{ states { totalCount } }" },
  });
  assert.equal(body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
});

test("a mutation document, two operations and an invalid document are refused, naming problem and place", async () => {
  const mutation = await save(
    { name: "writes", title: "Writes", document: `mutation { deleteSavedQuery(name: "x") { key } }` },
    "analyst",
  );
  assert.equal(mutation.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(
    mutation.body.errors?.[0]?.message ?? "",
    /input\.document: only a query may be saved, not a mutation \(line 1, column 1\)/,
  );

  const invalid = await save({ name: "invalid", title: "Invalid", document: "{\n  states { nodes { nope } }\n}" }, "analyst");
  assert.equal(invalid.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(invalid.body.errors?.[0]?.message ?? "", /Cannot query field "nope" on type "State"\..* \(line 2, column 20\)/);

  const unparsable = await save({ name: "broken", title: "Broken", document: "{ states { " }, "analyst");
  assert.match(unparsable.body.errors?.[0]?.message ?? "", /input\.document: Syntax Error: .*\(line 1, column 12\)/);

  const two = await save(
    { name: "two", title: "Two", document: "query A { states { totalCount } } query B { topics { totalCount } }" },
    "analyst",
  );
  assert.match(two.body.errors?.[0]?.message ?? "", /exactly one operation \(it holds 2\)/);
  const [{ count }] = await server.db.dataSource.query(
    `SELECT count(*)::int AS count FROM saved_query WHERE name IN ('writes', 'invalid', 'broken', 'two')`,
  );
  assert.equal(count, 0);
});

test("a bad REST variable is a 400 naming the variable; unknown names are 404", async () => {
  const bad = await fetch(restUrl("/saved/meetings-on-topics?first=many"));
  assert.equal(bad.status, 400);
  const body = (await bad.json()) as { errors: { message: string; extensions: { code: string } }[] };
  assert.equal(body.errors[0].extensions.code, "BAD_USER_INPUT");
  assert.match(body.errors[0].message, /\$first/);
  const undeclared = await fetch(restUrl("/saved/meetings-on-topics?colour=red"));
  assert.equal(undeclared.status, 400);
  assert.match(((await undeclared.json()) as typeof body).errors[0].message, /declares no variable \$colour/);
  const missing = await fetch(restUrl("/saved/no-such-query"));
  assert.equal(missing.status, 404);
});

test("savedQueries searches names, titles and descriptions; savedQuery finds by name", async () => {
  const { body } = await server.graphql<{ savedQueries: { totalCount: number; nodes: { name: string }[] } }>(
    `{ savedQueries(search: "COALITION") { totalCount nodes { name } } }`,
  );
  assert.deepEqual(body.data?.savedQueries, { totalCount: 1, nodes: [{ name: "coalition-names" }] });
  const one = await server.graphql<{ savedQuery: { title: string; version: number } }>(
    `{ savedQuery(name: "meetings-on-topics") { title version } }`,
  );
  assert.deepEqual(one.body.data?.savedQuery, { title: "Fixed by admin", version: 3 });
});

test("the owner deletes a saved query with its versions", async () => {
  const deleted = await server.graphql<{ deleteSavedQuery: { key: string; version: number } }>(
    `mutation { deleteSavedQuery(name: "coalition-names") { key version } }`,
    {},
    auth.analyst,
  );
  assert.deepEqual(deleted.body.data?.deleteSavedQuery, { key: "coalition-names", version: 1 });
  const [{ count }] = await server.db.dataSource.query(`SELECT count(*)::int AS count FROM saved_query_version v
    WHERE NOT EXISTS (SELECT 1 FROM saved_query q WHERE q.id = v.saved_query_id)`);
  assert.equal(count, 0);
});

test("SavedQuery is a federation entity, resolved by name or global id", async () => {
  const { body } = await server.graphql<{ _entities: ({ name: string; title: string } | null)[] }>(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on SavedQuery { name title } } }`,
    {
      representations: [
        { __typename: "SavedQuery", name: "meetings-on-topics" },
        { __typename: "SavedQuery", name: "nope" },
      ],
    },
  );
  assert.deepEqual(body.data?._entities, [{ name: "meetings-on-topics", title: "Fixed by admin" }, null]);
});

test("over REST, a bad API key is a 401 with the Bearer challenge, as on /graphql", async () => {
  const response = await fetch(restUrl("/saved/meetings-on-topics"), { headers: { authorization: "Bearer chy_not-a-key" } });
  assert.equal(response.status, 401);
  assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer/);
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  assert.equal(body.errors[0].extensions.code, "UNAUTHENTICATED");
});
