import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { snapshotTables } from "../support/table-snapshot";
import { HostileSchema } from "./hostile-schema";
import {
  assertNoLeak,
  bearerFor,
  errorCodes,
  loadDemoRecords,
  postGraphql,
  type RawResponse,
  rawRequest,
  someWriteMutation,
} from "./security-support";

/** Strings that would do harm if any of them reached SQL text instead of a bound parameter. */
const SQL_LOOKING = [
  "'; DROP TABLE meeting; --",
  '" OR 1=1; SELECT pg_sleep(10); --',
  "x') OR ('1'='1",
  "%' OR slug LIKE '%",
  "ab\u0000cd",
];

/** Codes a hostile but well-formed request may get; INTERNAL_SERVER_ERROR would mean something broke. */
const CLIENT_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "QUERY_TOO_COMPLEX", "UNAUTHENTICATED", "FORBIDDEN"]);

/** A 4xx, or a 200 whose errors all carry a client code; JSON always; nothing leaked. */
function assertHandled(response: RawResponse, label: string, echoed: string[] = []): void {
  assert.ok(response.status < 500, `${label}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
  assert.ok(response.json !== null, `${label}: the answer is not JSON: ${response.text.slice(0, 200)}`);
  for (const code of errorCodes(response)) {
    assert.ok(CLIENT_CODES.has(String(code)), `${label}: error code ${String(code)}: ${response.text.slice(0, 400)}`);
  }
  assertNoLeak(response.text, echoed);
}

/** Refused outright: a 4xx status with at least one coded error. */
function assertRefused(response: RawResponse, label: string, status?: number): void {
  assertHandled(response, label);
  if (status !== undefined) assert.equal(response.status, status, `${label}: ${response.text.slice(0, 300)}`);
  else assert.ok(response.status >= 400, `${label}: HTTP ${response.status}`);
  assert.ok(errorCodes(response).length > 0, `${label}: no coded error`);
}

describe("hostile input through the real server", () => {
  let server: TestServer;
  let before_: Record<string, string>;
  /** An ADMIN key, so hostile reads reach even ADMIN-only fields (changes); it writes nothing. */
  let admin: Record<string, string>;
  const snapshot = () => snapshotTables(server.db.dataSource, { api_key: ["last_used_at"] });
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_REQUESTS: "0" }, { captureLogs: true });
    await loadDemoRecords(server.db.dataSource);
    admin = await bearerFor(server.db.dataSource, Role.ADMIN, "hostile-admin");
    before_ = await snapshot();
  });
  after(() => server.close());

  test("depth bomb", async () => {
    let selection = "slug";
    for (let level = 0; level < 200; level += 1) selection = `parent { ${selection} }`;
    const response = await postGraphql(server.url, { query: `{ topic(slug: "troop-deployment") { ${selection} } }` });
    assertRefused(response, "depth bomb", 400);
    assert.deepEqual(errorCodes(response), ["QUERY_TOO_COMPLEX"]);
  });

  test("alias bomb", async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `m${i}: meetings(first: 100) { nodes { slug } }`).join(" ");
    const response = await postGraphql(server.url, { query: `{ ${aliases} }` });
    assertRefused(response, "alias bomb", 400);
    assert.deepEqual(errorCodes(response), ["QUERY_TOO_COMPLEX"]);
  });

  test("fragment bomb (each fragment spreads the next ten times)", async () => {
    const levels = 12;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Meeting { slug participants { role } }`
        : `fragment F${i} on Meeting { ${Array(10)
            .fill(`...F${i + 1}`)
            .join(" ")} }`,
    ).join(" ");
    const response = await postGraphql(server.url, { query: `{ meetings(first: 100) { nodes { ...F0 } } } ${fragments}` });
    assertRefused(response, "fragment bomb", 400);
  });

  test("arguments nested thousands deep, as literals and as variables (JSON built as text: too deep for JSON.stringify)", async () => {
    const notFilter = (depth: number) => `${'{"not":'.repeat(depth)}{"text":"x"}${"}".repeat(depth)}`;
    const bodies = [
      `{"query":"query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }","variables":{"f":${notFilter(20_000)}}}`,
      `{"query":"query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }","variables":{"f":${'{"and":['.repeat(1200)}{}${"]}".repeat(1200)}}}`,
      `{"query":"mutation ($b: JSON!) { importRecords(bundle: $b) { created } }","variables":{"b":${"[".repeat(50_000)}${"]".repeat(50_000)}}}`,
      JSON.stringify({
        query: `{ meetings(filter: ${"{ not: ".repeat(1000)}{ text: "x" }${" }".repeat(1000)}) { totalCount } }`,
      }),
    ];
    for (const body of bodies) {
      const response = await rawRequest(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      assertRefused(response, body.slice(0, 80), 400);
      assert.deepEqual(errorCodes(response), ["QUERY_TOO_COMPLEX"]);
      assert.equal(response.json?.errors?.[0]?.extensions?.limit, "maxInputDepth");
    }
  });

  test("huge, negative and out-of-range first", async () => {
    for (const first of ["1000000", "101", "-1", "99999999999999999999"]) {
      const response = await postGraphql(server.url, { query: `{ meetings(first: ${first}) { nodes { slug } } }` });
      assertHandled(response, `first: ${first}`);
      assert.ok(errorCodes(response).length > 0, `first: ${first} was accepted: ${response.text.slice(0, 200)}`);
    }
  });

  test("SQL-looking strings in every String/ID argument and every filter field, and in text search", async () => {
    const schema = await HostileSchema.load(server.url);
    let requests = 0;
    for (const value of SQL_LOOKING) {
      const cases = schema.casesFor(value);
      assert.ok(
        cases.some((c) => c.slot === "meetings(filter.text)"),
        "the text search slot is covered",
      );
      assert.ok(
        cases.some((c) => c.slot === "meetings(filter.coalitions)"),
        "filter slots are covered",
      );
      for (const hostile of cases) {
        for (const headers of [{}, admin]) {
          const response = await postGraphql(server.url, { query: hostile.query, variables: hostile.variables }, headers);
          assertHandled(response, `${hostile.slot} = ${JSON.stringify(value)}`, [value]);
          requests += 1;
        }
      }
    }
    assert.ok(requests > 50, `only ${requests} hostile requests were built`);
  });

  test("NUL characters written into the query text itself (raw or escaped) are refused as BAD_USER_INPUT", async () => {
    for (const literal of ["ab\u0000cd", "ab\\u0000cd", "ab\\u{0}cd", `""\u0000""`]) {
      const query = `{ meetings(filter: { text: "${literal}" }) { totalCount } }`;
      const response = await postGraphql(server.url, { query });
      assertHandled(response, JSON.stringify(query));
      assert.deepEqual(errorCodes(response), ["BAD_USER_INPUT"], response.text.slice(0, 300));
    }
  });

  test("invalid dates and enum values", async () => {
    const queries: [string, Record<string, unknown>?][] = [
      [`{ meetings(filter: { from: "2026-13-45" }) { totalCount } }`],
      [`{ meetings(filter: { to: "yesterday" }) { totalCount } }`],
      [`query ($d: Date) { meetings(filter: { from: $d }) { totalCount } }`, { d: "2026-02-30" }],
      [`{ meetings(filter: { statuses: [EXPLODED] }) { totalCount } }`],
      [`query ($s: [MeetingStatus!]) { meetings(filter: { statuses: $s }) { totalCount } }`, { s: ["HELD'; --"] }],
      [`{ meetings(orderBy: { field: DROP_TABLE, direction: ASC }) { totalCount } }`],
      [`{ coalition(slug: "coalition-of-the-willing") { members(asOf: "not-a-date") { role } } }`],
    ];
    for (const [query, variables] of queries) {
      const response = await postGraphql(server.url, { query, variables });
      assertHandled(response, query);
      assert.ok(errorCodes(response).includes("BAD_USER_INPUT"), `${query}: ${response.text.slice(0, 300)}`);
    }
  });

  test("malformed JSON, a non-string query, variables as a string", async () => {
    const bodies = [
      '{"query": "{ apiVersion }"',
      "not json at all",
      '{"query": {"a": 1}}',
      '{"query": "{ apiVersion }", "variables": "{}"}',
    ];
    for (const body of bodies) {
      const response = await rawRequest(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      assertRefused(response, body, 400);
    }
  });

  test("an oversized body is 413 with a JSON error", async () => {
    const padding = "x".repeat(1_100_000);
    const response = await postGraphql(server.url, { query: "{ apiVersion }", variables: { padding } });
    assertRefused(response, "oversized body", 413);
    assert.deepEqual(errorCodes(response), ["QUERY_TOO_COMPLEX"]);
    const { limit, value, max } = response.json?.errors?.[0]?.extensions ?? {};
    assert.deepEqual({ limit, max }, { limit: "maxBodyBytes", max: 1_048_576 });
    assert.ok(typeof value === "number" && value > 1_100_000, `value ${String(value)}`);
  });

  test("circular fragments", async () => {
    const query = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A apiVersion }";
    assertRefused(await postGraphql(server.url, { query }), "circular fragments", 400);
  });

  test("a mutation over GET is refused 405", async () => {
    const mutation = (await someWriteMutation(server.url)) ?? "mutation { __typename }";
    const url = `${server.url}?query=${encodeURIComponent(mutation)}`;
    const response = await rawRequest(url, { headers: { "apollo-require-preflight": "true" } });
    assertRefused(response, "mutation over GET", 405);
  });

  test("a GET query without a CSRF-safe header is refused; with one it is served", async () => {
    const url = `${server.url}?query=${encodeURIComponent("{ apiVersion }")}`;
    assertRefused(await rawRequest(url), "GET without preflight header", 400);
    const served = await rawRequest(url, { headers: { "apollo-require-preflight": "true" } });
    assert.equal(served.status, 200);
    assert.deepEqual(served.json?.data, { apiVersion: "1" });
  });

  test("a form-encoded POST (what a cross-site form sends) is refused", async () => {
    const mutation = (await someWriteMutation(server.url)) ?? "{ apiVersion }";
    for (const contentType of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const response = await rawRequest(server.url, {
        method: "POST",
        headers: { "content-type": contentType },
        body: contentType.startsWith("application/x-www") ? `query=${encodeURIComponent(mutation)}` : mutation,
      });
      assertRefused(response, contentType, 400);
    }
  });

  test("anonymous and forged-key writes", async () => {
    const mutation = await someWriteMutation(server.url);
    const forged = { authorization: `Bearer chy_${randomBytes(32).toString("base64url")}` };
    const forgedResponse = await postGraphql(server.url, { query: mutation ?? "{ apiVersion }" }, forged);
    assertRefused(forgedResponse, "forged key", 401);
    assert.deepEqual(errorCodes(forgedResponse), ["UNAUTHENTICATED"]);
    assert.ok(mutation, "the schema has an importRecords or createState mutation");
    const anonymous = await postGraphql(server.url, { query: mutation });
    assertHandled(anonymous, "anonymous write");
    assert.deepEqual(errorCodes(anonymous), ["UNAUTHENTICATED"]);
  });

  test("a large batch (array body) is refused: batching is off", async () => {
    const batch = Array.from({ length: 1000 }, () => ({ query: "{ meetings(first: 100) { nodes { slug } } }" }));
    const response = await postGraphql(server.url, batch);
    assertRefused(response, "batch", 400);
  });

  test("the database is unchanged after all of the above", async () => {
    assert.deepEqual(await snapshot(), before_);
  });

  test("no error-level line was logged for any of these client mistakes", () => {
    assert.deepEqual(
      server.logs.filter((line) => line.level >= 50),
      [],
    );
  });
});

describe("hostile text written by an EDITOR", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_REQUESTS: "0" });
    await loadDemoRecords(server.db.dataSource);
  });
  after(() => server.close());

  test("is stored and read back verbatim, and touches nothing else", async () => {
    const editor = await bearerFor(server.db.dataSource, Role.EDITOR, "hostile-editor");
    const text = SQL_LOOKING.filter((value) => !value.includes("\u0000")).join(" ");
    const before = await snapshotTables(server.db.dataSource);
    const bundle = {
      states: [{ code: "ZZ", name: { en: text, ru: text } }],
      topics: [{ slug: "hostile-topic", name: text }],
    };
    const mutation = "mutation ($bundle: JSON!) { importRecords(bundle: $bundle) { created } }";
    const imported = await postGraphql(server.url, { query: mutation, variables: { bundle } }, editor);
    assert.deepEqual(imported.json?.data, { importRecords: { created: 2 } }, imported.text.slice(0, 400));

    const read = await postGraphql(server.url, {
      query: `{ state(code: "ZZ") { name(lang: "ru") } topic(slug: "hostile-topic") { name } }`,
    });
    assert.deepEqual(read.json?.data, { state: { name: text }, topic: { name: text } });

    const after = await snapshotTables(server.db.dataSource);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    assert.deepEqual(changed.sort(), ["api_key", "record_change", "state", "topic"]);
  });
});
