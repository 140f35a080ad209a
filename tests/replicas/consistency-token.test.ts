import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { ConfigError, loadConfig } from "../../src/config";
import { startTestServer, type TestServer } from "../support/server";

// Without replicas: the token is given and accepted all the same, and everything else is as before.
let server: TestServer;
let editor: Record<string, string>;

before(async () => {
  server = await startTestServer();
  editor = {
    authorization: `Bearer ${(await createApiKey(server.db.dataSource, { role: Role.EDITOR, label: "token" })).secret}`,
  };
});

after(async () => {
  await server.close();
});

test("a mutation's response carries its consistency token in the header and in extensions; a read presenting it sees the write", async () => {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...editor },
    body: JSON.stringify({
      query: `mutation { createState(input: { code: "TK", name: [{ lang: "en", text: "Tokenland" }] }) { code } }`,
    }),
  });
  const body = (await response.json()) as { errors?: unknown; extensions?: { consistency?: string } };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const token = response.headers.get("x-chancery-consistency");
  assert.match(token ?? "", /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
  assert.equal(body.extensions?.consistency, token);
  const read = await server.graphql(`{ state(code: "TK") { name } }`, {}, { "x-chancery-consistency": token! });
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.data, { state: { name: "Tokenland" } });
});

test("a browser app on another origin may send the token and read it from a response", async () => {
  const preflight = await fetch(server.url, {
    method: "OPTIONS",
    headers: {
      origin: "https://app.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "x-chancery-consistency",
    },
  });
  assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /x-chancery-consistency/);
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://app.example" },
    body: JSON.stringify({ query: "{ states(first: 1) { totalCount } }" }),
  });
  assert.match(response.headers.get("access-control-expose-headers") ?? "", /x-chancery-consistency/);
});

test("queries carry no token; /readyz lists no replicas when none are configured", async () => {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ states(first: 1) { totalCount } }" }),
  });
  assert.equal(response.headers.get("x-chancery-consistency"), null);
  assert.equal(((await response.json()) as { extensions?: { consistency?: string } }).extensions?.consistency, undefined);
  assert.deepEqual(await (await fetch(`${server.origin}/readyz`)).json(), { status: "ready" });
});

test("a malformed token is refused with 400 and BAD_USER_INPUT naming the header, on /graphql and /saved", async () => {
  for (const bad of ["yesterday", "0/", "1/2/3", "0/123456789"]) {
    const { status, body } = await server.graphql(`{ states(first: 1) { totalCount } }`, {}, { "x-chancery-consistency": bad });
    assert.equal(status, 400, bad);
    assert.equal(body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.match(body.errors?.[0].message ?? "", /x-chancery-consistency/);
  }
  const saved = await fetch(`${server.origin}/saved/anything`, { headers: { "x-chancery-consistency": "nope" } });
  assert.equal(saved.status, 400);
  const savedBody = (await saved.json()) as { errors: { message: string; extensions: { code: string } }[] };
  assert.equal(savedBody.errors[0].extensions.code, "BAD_USER_INPUT");
  assert.match(savedBody.errors[0].message, /x-chancery-consistency/);
});

test("replica settings are checked at start, naming the variable", () => {
  const env = { DATABASE_URL: "postgres://chancery@db:5432/chancery" };
  assert.deepEqual(loadConfig(env).replicas, { urls: [], maxLagMs: 5000, checkIntervalMs: 1000 });
  const replicas = "postgres://chancery@replica-1/chancery, postgres://chancery@replica-2/chancery";
  assert.deepEqual(loadConfig({ ...env, DATABASE_REPLICA_URLS: replicas }).replicas.urls, [
    "postgres://chancery@replica-1/chancery",
    "postgres://chancery@replica-2/chancery",
  ]);
  assert.throws(
    () => loadConfig({ ...env, DATABASE_REPLICA_URLS: "postgres://a/b,mysql://c/d" }),
    (error: Error) =>
      error instanceof ConfigError && /DATABASE_REPLICA_URLS \(URL 2\) must start with postgres:\/\//.test(error.message),
  );
  assert.throws(() => loadConfig({ DATABASE_REPLICA_URLS: "postgres://a/b" }), /DATABASE_REPLICA_URLS needs DATABASE_URL/);
  assert.throws(() => loadConfig({ ...env, REPLICA_MAX_LAG_MS: "-1" }), /REPLICA_MAX_LAG_MS/);
});
