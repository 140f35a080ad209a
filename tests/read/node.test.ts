import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { toGlobalId } from "../../src/schema/global-id";
import { startTestServer, type TestServer } from "../support/server";
import { insertReadFixture } from "./read-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await insertReadFixture(server.db.dataSource);
});
after(() => server.close());

async function read<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await server.graphql<T>(query, variables);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

const EVERY_TYPE = `{
  meeting(slug: "chiefs-2026-01-06") { __typename id
    participants { __typename id } sources { __typename id } statements { __typename id }
    outcomes { __typename id } topics { __typename id } coalition { __typename id members { __typename id } } }
  official(slug: "fabien-mandon") { __typename id positions { __typename id } }
  state(code: "FR") { __typename id }
  source(slug: "rbc-chiefs") { __typename id } }`;

function collectRecords(value: unknown, found: { __typename: string; id: string }[] = []): { __typename: string; id: string }[] {
  if (Array.isArray(value)) for (const item of value) collectRecords(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === "string" && typeof record.id === "string")
      found.push({ __typename: record.__typename, id: record.id });
    for (const child of Object.values(record)) collectRecords(child, found);
  }
  return found;
}

test("node(id) and nodes(ids) resolve the global id of every record type back to the same record", async () => {
  const records = collectRecords(await read(EVERY_TYPE));
  const types = new Set(records.map((record) => record.__typename));
  assert.deepEqual([...types].sort(), [
    "Citation",
    "Coalition",
    "Meeting",
    "Membership",
    "Official",
    "Outcome",
    "Participant",
    "Position",
    "Source",
    "State",
    "Statement",
    "Topic",
  ]);
  for (const record of records) {
    const data = await read<{ node: { __typename: string; id: string } }>(
      `query ($id: ID!) { node(id: $id) { __typename id } }`,
      {
        id: record.id,
      },
    );
    assert.deepEqual(data.node, record);
  }
  const ids = records.map((record) => record.id);
  const data = await read<{ nodes: unknown[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
  assert.deepEqual(data.nodes, records);
});

test("node fragments reach each type's own fields", async () => {
  const { meeting } = await read<{ meeting: { id: string } }>(`{ meeting(slug: "leaders-paris") { id } }`);
  const data = await read<{ node: unknown }>(
    `query ($id: ID!) { node(id: $id) { id ... on Meeting { slug title(lang: "en") coalition { slug } } ... on State { code } } }`,
    { id: meeting.id },
  );
  assert.deepEqual(data.node, {
    id: meeting.id,
    slug: "leaders-paris",
    title: "Leaders in Paris",
    coalition: { slug: "coalition-of-the-willing" },
  });
});

test("ids that name no record answer null: unknown rows, unknown types, garbage", async () => {
  const ids = [toGlobalId("Meeting", 999999), toGlobalId("Spaceship", 1), toGlobalId("toString", 1), "garbage", ""];
  const data = await read<{ nodes: unknown[]; node: unknown }>(
    `query ($ids: [ID!]!, $id: ID!) { nodes(ids: $ids) { id } node(id: $id) { id } }`,
    {
      ids,
      id: "not-an-id",
    },
  );
  assert.deepEqual(data, { nodes: [null, null, null, null, null], node: null });
});

test("nodes(ids) refuses more than 100 ids", async () => {
  const ids = Array.from({ length: 101 }, (_, index) => toGlobalId("Meeting", index + 1));
  const { body } = await server.graphql(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
  assert.equal(body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
});
