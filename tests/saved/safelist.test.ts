import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { type LoggedTestServer, startLoggedTestServer } from "../security/logged-server";
import { SAVE_QUERY } from "./saved-support";

const SAVED_DOCUMENT = "query StateCodes { states { nodes { code } } }";
const CODES = { states: { nodes: [{ code: "FR" }, { code: "GB" }, { code: "UA" }, { code: "US" }] } };
/** A READER's own saved query: saving it must not let anyone run it. */
const READER_DOCUMENT = "query ReaderTopics { topics { nodes { slug } } }";

let server: LoggedTestServer;
let auth: Record<string, Record<string, string>>;
before(async () => {
  server = await startLoggedTestServer(
    { reader: Role.READER, editor: Role.EDITOR, otherEditor: Role.EDITOR, admin: Role.ADMIN },
    { SAFELIST: "true" },
  );
  auth = server.auth;
  for (const [name, document, key] of [
    ["state-codes", SAVED_DOCUMENT, auth.editor],
    ["reader-topics", READER_DOCUMENT, auth.reader],
  ] as const) {
    const saved = await server.graphql(SAVE_QUERY, { input: { name, title: name, document } }, key);
    assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
  }
});
after(() => server.close());

type Approval = { name: string; version: number; isApproved: boolean; approvedVersion: number | null; approvedBy: string | null };
const APPROVAL_FIELDS = "name version isApproved approvedVersion approvedBy";

function approve(name: string, headers: Record<string, string>, expectedVersion?: number) {
  return server.graphql<{ approveSavedQuery: Approval }>(
    `mutation($name: String!, $expectedVersion: Int) { approveSavedQuery(name: $name, expectedVersion: $expectedVersion) { ${APPROVAL_FIELDS} } }`,
    { name, expectedVersion },
    headers,
  );
}

function revoke(name: string, headers: Record<string, string>) {
  return server.graphql<{ revokeSavedQueryApproval: Approval }>(
    `mutation($name: String!) { revokeSavedQueryApproval(name: $name) { ${APPROVAL_FIELDS} } }`,
    { name },
    headers,
  );
}

/** Every way a client runs a saved query: by name over REST, its exact document, its hash, runSavedQuery. */
async function runEveryWay(name: string, document: string, headers: Record<string, string>) {
  const rest = await fetch(`${server.origin}/saved/${name}`, { headers });
  const exact = await server.graphql(document, {}, headers);
  const hash = createHash("sha256").update(document).digest("hex");
  const persisted = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  const run = await server.graphql(`{ runSavedQuery(name: "${name}") }`, {}, headers);
  return {
    rest: { status: rest.status, body: (await rest.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } },
    exact,
    persisted: {
      status: persisted.status,
      body: (await persisted.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
    },
    run,
  };
}

/**
 * Refused every way. By name, a client told "not approved" learns the query exists, so only its owner is;
 * anyone else gets the answer of a name that does not exist (`seen`: the client owns it).
 */
async function assertRefusedEveryWay(
  name: string,
  document: string,
  headers: Record<string, string>,
  label: string,
  seen = false,
) {
  const { rest, exact, persisted, run } = await runEveryWay(name, document, headers);
  assert.equal(exact.status, 403, `${label}: exact document`);
  assert.equal(persisted.status, 403, `${label}: hash`);
  assert.equal(persisted.body.errors?.[0]?.extensions.code, "FORBIDDEN");
  assert.deepEqual(run.body.data, { runSavedQuery: null }, `${label}: runSavedQuery`);
  if (seen) {
    assert.equal(rest.status, 403, `${label}: REST`);
    assert.equal(rest.body.errors?.[0]?.extensions.code, "FORBIDDEN");
    assert.equal(run.body.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.match(run.body.errors?.[0]?.message ?? "", new RegExp(`the saved query "${name}" is not approved`));
  } else {
    const unknown = await runEveryWay(`no-such-${name}`, document, headers);
    assert.equal(rest.status, 404, `${label}: REST`);
    assert.deepEqual(
      rest.body.errors?.[0],
      { ...unknown.rest.body.errors?.[0], message: `no saved query is named "${name}"` },
      `${label}: REST answers as for an unknown name`,
    );
    assert.equal(run.body.errors?.[0]?.extensions?.code, "NOT_FOUND", `${label}: runSavedQuery`);
    assert.equal(run.body.errors?.[0]?.message, `no saved query is named "${name}"`);
  }
}

test("a READER's arbitrary query is refused with FORBIDDEN; so is an anonymous one", async () => {
  for (const headers of [auth.reader, {}]) {
    const { status, body } = await server.graphql("{ topics { nodes { slug } } }", {}, headers);
    assert.equal(status, 403);
    assert.equal(body.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.match(body.errors?.[0]?.message ?? "", /SAFELIST/);
    assert.equal(body.data, undefined);
  }
});

test("saving is not approving: a saved query nobody approved is refused to READER and anonymous clients every way", async () => {
  for (const headers of [auth.reader, {}]) {
    await assertRefusedEveryWay("state-codes", SAVED_DOCUMENT, headers, "EDITOR's unapproved save");
    await assertRefusedEveryWay("reader-topics", READER_DOCUMENT, headers, "READER's own save", headers === auth.reader);
  }
});

test("only an ADMIN, or an EDITOR for its own saved query, approves", async () => {
  for (const [name, headers] of [
    ["reader-topics", auth.reader],
    ["reader-topics", auth.editor],
    ["state-codes", auth.otherEditor],
  ] as const) {
    const { body } = await approve(name, headers);
    assert.equal(body.errors?.[0]?.extensions?.code, "FORBIDDEN", `${name}: ${JSON.stringify(body)}`);
  }
  const stale = await approve("state-codes", auth.editor, 7);
  assert.equal(stale.body.errors?.[0]?.extensions?.code, "CONFLICT");
  const missing = await approve("no-such-query", auth.admin);
  assert.equal(missing.body.errors?.[0]?.extensions?.code, "NOT_FOUND");
});

test("a READER runs the saved query its EDITOR published: by name over REST, as its exact document, by its hash, and through runSavedQuery", async () => {
  const published = await approve("state-codes", auth.editor, 1);
  assert.deepEqual(published.body.data?.approveSavedQuery, {
    name: "state-codes",
    version: 1,
    isApproved: true,
    approvedVersion: 1,
    approvedBy: "editor",
  });
  const { rest, exact, persisted, run } = await runEveryWay("state-codes", SAVED_DOCUMENT, auth.reader);
  assert.equal(rest.status, 200);
  assert.deepEqual(rest.body, { data: CODES });
  assert.deepEqual(exact.body.data, CODES);
  assert.deepEqual(persisted.body.data, CODES);
  assert.deepEqual(run.body.data, { runSavedQuery: CODES });
});

test("an ADMIN approves a READER's saved query; a new version is refused again until approved again; revoking refuses it", async () => {
  const approved = await approve("reader-topics", auth.admin);
  assert.equal(approved.body.data?.approveSavedQuery.approvedBy, "admin");
  const run = await server.graphql<{ runSavedQuery: { topics: { nodes: unknown[] } } }>(
    '{ runSavedQuery(name: "reader-topics") }',
  );
  assert.equal(run.body.data?.runSavedQuery.topics.nodes.length, 4);

  const changed = "query ReaderTopics { topics { nodes { slug name } } }";
  const saved = await server.graphql(
    SAVE_QUERY,
    { input: { name: "reader-topics", title: "t", document: changed } },
    auth.reader,
  );
  assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
  await assertRefusedEveryWay("reader-topics", changed, {}, "a version saved after the approval");
  const state = await server.graphql<{ savedQuery: Approval }>(
    `{ savedQuery(name: "reader-topics") { ${APPROVAL_FIELDS} } }`,
    {},
    auth.reader,
  );
  assert.deepEqual(state.body.data?.savedQuery, {
    name: "reader-topics",
    version: 2,
    isApproved: false,
    approvedVersion: 1,
    approvedBy: "admin",
  });

  assert.equal((await approve("reader-topics", auth.admin, 2)).body.data?.approveSavedQuery.isApproved, true);
  assert.equal((await fetch(`${server.origin}/saved/reader-topics`)).status, 200);
  const revoked = await revoke("reader-topics", auth.admin);
  assert.deepEqual(revoked.body.data?.revokeSavedQueryApproval, {
    name: "reader-topics",
    version: 2,
    isApproved: false,
    approvedVersion: null,
    approvedBy: null,
  });
  await assertRefusedEveryWay("reader-topics", changed, {}, "after revoking");
});

test("savedQueries and savedQuery show anonymous clients the approved ones, a READER also its own, an EDITOR all", async () => {
  const list = '{ savedQueries { nodes { name isApproved approvedBy } } hidden: savedQuery(name: "reader-topics") { name } }';
  const anonymous = await server.graphql(list);
  assert.deepEqual(anonymous.body.data, {
    savedQueries: { nodes: [{ name: "state-codes", isApproved: true, approvedBy: null }] },
    hidden: null,
  });
  const reader = await server.graphql<{ savedQueries: { nodes: { name: string }[] }; hidden: unknown }>(list, {}, auth.reader);
  assert.deepEqual(
    reader.body.data?.savedQueries.nodes.map((node) => node.name),
    ["reader-topics", "state-codes"],
  );
  assert.deepEqual(reader.body.data?.hidden, { name: "reader-topics" });
  const otherEditor = await server.graphql<{ savedQueries: { nodes: { name: string }[] } }>(list, {}, auth.otherEditor);
  assert.deepEqual(
    otherEditor.body.data?.savedQueries.nodes.map((node) => node.name),
    ["reader-topics", "state-codes"],
  );
});

test("an EDITOR may run anything", async () => {
  const { status, body } = await server.graphql("{ topics { totalCount } }", {}, auth.editor);
  assert.equal(status, 200);
  assert.deepEqual(body.data, { topics: { totalCount: 4 } });
});

test("no refusal above wrote an error-level log line", () => {
  assert.deepEqual(server.errorLines(), []);
});
