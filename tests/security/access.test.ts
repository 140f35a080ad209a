import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { revokeApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { assertNoLeak, bearerFor, errorCodes, postGraphql, someWriteMutation } from "./security-support";

const READ = { query: "{ apiVersion }" };

describe("API keys on /graphql", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("an anonymous client reads", async () => {
    const response = await postGraphql(server.url, READ);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json?.data, { apiVersion: "1" });
  });

  test("a live key reads, and its last use is recorded", async () => {
    const headers = await bearerFor(server.db.dataSource, Role.READER, "reader-reads");
    const response = await postGraphql(server.url, READ, headers);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json?.data, { apiVersion: "1" });
    const [key] = await server.db.dataSource.query(`SELECT last_used_at FROM api_key WHERE label = 'reader-reads'`);
    assert.ok(key.last_used_at instanceof Date);
  });

  for (const header of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "", "chy_abc"]) {
    test(`a malformed Authorization header (${JSON.stringify(header)}) is 401 UNAUTHENTICATED, not anonymous`, async () => {
      const response = await postGraphql(server.url, READ, { authorization: header });
      assert.equal(response.status, 401);
      assert.deepEqual(errorCodes(response), ["UNAUTHENTICATED"]);
      assert.equal(response.headers.get("www-authenticate"), 'Bearer realm="chancery"');
      assert.equal(response.json?.data, undefined);
    });
  }

  test("a forged key of the right shape is 401 UNAUTHENTICATED", async () => {
    const forged = `chy_${randomBytes(32).toString("base64url")}`;
    const response = await postGraphql(server.url, READ, { authorization: `Bearer ${forged}` });
    assert.equal(response.status, 401);
    assert.deepEqual(errorCodes(response), ["UNAUTHENTICATED"]);
    assertNoLeak(response.text);
  });

  test("a revoked key stops working at once", async () => {
    const headers = await bearerFor(server.db.dataSource, Role.EDITOR, "soon-revoked");
    assert.equal((await postGraphql(server.url, READ, headers)).status, 200);
    await revokeApiKey(server.db.dataSource, "soon-revoked");
    const response = await postGraphql(server.url, READ, headers);
    assert.equal(response.status, 401);
    assert.deepEqual(errorCodes(response), ["UNAUTHENTICATED"]);
  });

  test("writes: anonymous is UNAUTHENTICATED, READER is FORBIDDEN, EDITOR passes the role check", async () => {
    const mutation = await someWriteMutation(server.url);
    assert.ok(mutation, "the schema has an importRecords or createState mutation");
    const before = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM state WHERE code = 'ZZ'`);

    const anonymous = await postGraphql(server.url, { query: mutation });
    assert.deepEqual(errorCodes(anonymous), ["UNAUTHENTICATED"]);

    const reader = await postGraphql(
      server.url,
      { query: mutation },
      await bearerFor(server.db.dataSource, Role.READER, "reader"),
    );
    assert.deepEqual(errorCodes(reader), ["FORBIDDEN"]);
    assert.match(reader.json?.errors?.[0]?.message ?? "", /EDITOR/);

    const unchanged = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM state WHERE code = 'ZZ'`);
    assert.deepEqual(unchanged, before);

    const editor = await postGraphql(
      server.url,
      { query: mutation },
      await bearerFor(server.db.dataSource, Role.EDITOR, "editor"),
    );
    assert.ok(
      !errorCodes(editor).some((code) => code === "FORBIDDEN" || code === "UNAUTHENTICATED"),
      JSON.stringify(editor.json),
    );
  });
});

describe("an ADMIN-only read (the change history)", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("anonymous is UNAUTHENTICATED, READER and EDITOR are FORBIDDEN, ADMIN is served", async () => {
    const query = { query: "{ changes(first: 1) { __typename } }" };
    const anonymous = await postGraphql(server.url, query);
    assert.deepEqual(errorCodes(anonymous), ["UNAUTHENTICATED"]);
    for (const role of [Role.READER, Role.EDITOR]) {
      const refused = await postGraphql(server.url, query, await bearerFor(server.db.dataSource, role, `history-${role}`));
      assert.deepEqual(errorCodes(refused), ["FORBIDDEN"]);
      assert.equal(refused.json?.errors?.[0]?.extensions?.requiredRole, "ADMIN");
    }
    const admin = await postGraphql(server.url, query, await bearerFor(server.db.dataSource, Role.ADMIN, "history-admin"));
    assert.equal(admin.status, 200);
    assert.deepEqual(errorCodes(admin), []);
    assert.ok(admin.json?.data);
  });
});

describe("REQUIRE_AUTH=true", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ REQUIRE_AUTH: "true" });
  });
  after(() => server.close());

  test("refuses anonymous clients with 401 UNAUTHENTICATED", async () => {
    const response = await postGraphql(server.url, READ);
    assert.equal(response.status, 401);
    assert.deepEqual(errorCodes(response), ["UNAUTHENTICATED"]);
    assert.match(response.json?.errors?.[0]?.message ?? "", /API key/);
  });

  test("serves a READER key", async () => {
    const response = await postGraphql(server.url, READ, await bearerFor(server.db.dataSource, Role.READER, "required"));
    assert.equal(response.status, 200);
    assert.deepEqual(response.json?.data, { apiVersion: "1" });
  });
});
