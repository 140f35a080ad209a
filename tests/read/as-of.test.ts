import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../support/server";
import { insertReadFixture } from "./read-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await insertReadFixture(server.db.dataSource);
});
after(() => server.close());

async function read<T>(query: string): Promise<T> {
  const { body } = await server.graphql<T>(query);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

test("members(asOf) keeps memberships whose period holds that day; NULL bounds are open-ended; bounds are inclusive", async () => {
  const codes = async (asOf: string) => {
    const data = await read<{ coalition: { members: { state: { code: string } }[] } }>(
      `{ coalition(slug: "coalition-of-the-willing") { members(asOf: "${asOf}") { state { code } } } }`,
    );
    return data.coalition.members.map((member) => member.state.code).sort();
  };
  assert.deepEqual(await codes("2025-01-01"), ["UA"]);
  assert.deepEqual(await codes("2025-03-02"), ["FR", "GB", "UA"]);
  assert.deepEqual(await codes("2025-06-01"), ["FR", "GB", "UA", "US"]);
  assert.deepEqual(await codes("2025-12-31"), ["FR", "GB", "UA", "US"]);
  assert.deepEqual(await codes("2026-01-01"), ["FR", "GB", "UA"]);
});

test("positions(asOf) and state officials(asOf) tell who held which post that day", async () => {
  const data = await read<Record<string, unknown>>(`{
    before: official(slug: "fabien-mandon") { positions(asOf: "2025-08-31") { title } }
    after: official(slug: "fabien-mandon") { positions(asOf: "2025-09-01") { title } }
    all: official(slug: "fabien-mandon") { positions { title } }
    gb2025: state(code: "GB") { officials(asOf: "2025-09-30") { slug } }
    gb2026: state(code: "GB") { officials(asOf: "2026-01-01") { slug } }
    ua: state(code: "UA") { memberships(asOf: "2020-01-01") { role } officials(asOf: "2020-01-01") { slug } } }`);
  assert.deepEqual(data, {
    before: { positions: [{ title: "Chief of staff to the President" }] },
    after: { positions: [{ title: "Chief of the Defence Staff" }] },
    all: { positions: [{ title: "Chief of staff to the President" }, { title: "Chief of the Defence Staff" }] },
    gb2025: { officials: [{ slug: "tony-radakin" }] },
    gb2026: { officials: [] },
    ua: { memberships: [{ role: "MEMBER" }], officials: [{ slug: "volodymyr-zelensky" }] },
  });
});

test("a malformed asOf date is a client error", async () => {
  const { body } = await server.graphql(
    `{ coalition(slug: "coalition-of-the-willing") { members(asOf: "2025-13-45") { role } } }`,
  );
  assert.ok(body.errors?.length);
  assert.equal(body.data, undefined);
});
