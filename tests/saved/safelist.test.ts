import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import type { TestServer } from "../support/server";
import { SAVE_QUERY, startSavedQueryServer } from "./saved-support";

const SAVED_DOCUMENT = "query StateCodes { states { nodes { code } } }";
const CODES = { states: { nodes: [{ code: "FR" }, { code: "GB" }, { code: "UA" }, { code: "US" }] } };

let server: TestServer;
let auth: Record<string, Record<string, string>>;
before(async () => {
  ({ server, auth } = await startSavedQueryServer({ reader: Role.READER, editor: Role.EDITOR }, { SAFELIST: "true" }));
  const saved = await server.graphql(
    SAVE_QUERY,
    { input: { name: "state-codes", title: "State codes", document: SAVED_DOCUMENT } },
    auth.editor,
  );
  assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
});
after(() => server.close());

test("a READER's arbitrary query is refused with FORBIDDEN; so is an anonymous one", async () => {
  for (const headers of [auth.reader, {}]) {
    const { status, body } = await server.graphql("{ topics { nodes { slug } } }", {}, headers);
    assert.equal(status, 403);
    assert.equal(body.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.match(body.errors?.[0]?.message ?? "", /SAFELIST/);
    assert.equal(body.data, undefined);
  }
});

test("a READER runs the saved query: by name over REST, as its exact document, by its hash, and through runSavedQuery", async () => {
  const rest = await fetch(`${server.origin}/saved/state-codes`, { headers: auth.reader });
  assert.equal(rest.status, 200);
  assert.deepEqual(await rest.json(), { data: CODES });

  const exact = await server.graphql(SAVED_DOCUMENT, {}, auth.reader);
  assert.deepEqual(exact.body.data, CODES);

  const hash = createHash("sha256").update(SAVED_DOCUMENT).digest("hex");
  const persisted = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth.reader },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  assert.deepEqual(((await persisted.json()) as { data: unknown }).data, CODES);

  const run = await server.graphql(`{ runSavedQuery(name: "state-codes") }`, {}, auth.reader);
  assert.deepEqual(run.body.data, { runSavedQuery: CODES });
});

test("an EDITOR may run anything", async () => {
  const { status, body } = await server.graphql("{ topics { totalCount } }", {}, auth.editor);
  assert.equal(status, 200);
  assert.deepEqual(body.data, { topics: { totalCount: 4 } });
});
