import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Role } from "../../src/auth/role";
import { ConfigError, loadConfig } from "../../src/config";
import { type LoggedTestServer, startLoggedTestServer } from "./logged-server";

const METRICS_TOKEN = "scrape-0123456789abcdef";
const KEYS = { reader: Role.READER, editor: Role.EDITOR, admin: Role.ADMIN };

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

function scrape(server: LoggedTestServer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}/metrics`, { headers });
}

describe("default settings", () => {
  let server: LoggedTestServer;
  before(async () => {
    server = await startLoggedTestServer(KEYS);
  });
  after(() => server.close());

  test("an automatic persisted query whose hash does not match its query is the client's mistake", async () => {
    for (const [persistedQuery, reason, message] of [
      [{ version: 1, sha256Hash: "0".repeat(64) }, "PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query"],
      [{ version: 2, sha256Hash: "0".repeat(64) }, "PERSISTED_QUERY_VERSION_UNSUPPORTED", "Unsupported persisted query version"],
    ] as const) {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery } }),
      });
      assert.equal(response.status, 400);
      const body = (await response.json()) as Body;
      assert.deepEqual(body.errors, [{ message, extensions: { code: "BAD_USER_INPUT", reason } }]);
    }
  });

  test("with introspection on, validation errors still suggest field names (the schema is public anyway)", async () => {
    const { body } = await server.graphql("{ meetingz { totalCount } }");
    assert.match(body.errors?.[0]?.message ?? "", /Did you mean "meeting" or "meetings"\?/);
  });

  test("who wrote what (owner, author, actor) is shown to key holders only; anonymous clients read null", async () => {
    const saved = await server.graphql(
      `mutation { saveQuery(input: { name: "codes", title: "Codes", document: "{ states { nodes { code } } }" }) { name } }`,
      {},
      server.auth.reader,
    );
    assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
    const written = await server.graphql(
      `mutation { createTopic(input: { slug: "sanctions", name: [{ lang: "en", text: "Sanctions" }] }) { slug } }`,
      {},
      server.auth.editor,
    );
    assert.equal(written.body.errors, undefined, JSON.stringify(written.body.errors));
    const query = `{ savedQuery(name: "codes") { owner versions { author } }
                     savedQueries { nodes { owner } }
                     topic(slug: "sanctions") { history { nodes { actor action } } } }`;
    const anonymous = await server.graphql(query);
    assert.deepEqual(anonymous.body, {
      data: {
        savedQuery: { owner: null, versions: [{ author: null }] },
        savedQueries: { nodes: [{ owner: null }] },
        topic: { history: { nodes: [{ actor: null, action: "CREATE" }] } },
      },
      extensions: anonymous.body.extensions,
    });
    const reader = await server.graphql(query, {}, server.auth.reader);
    assert.deepEqual(reader.body.data, {
      savedQuery: { owner: "reader", versions: [{ author: "reader" }] },
      savedQueries: { nodes: [{ owner: "reader" }] },
      topic: { history: { nodes: [{ actor: "editor", action: "CREATE" }] } },
    });
  });

  test("/metrics stays open when neither METRICS_TOKEN nor REQUIRE_AUTH is set", async () => {
    assert.equal((await scrape(server)).status, 200);
  });

  test("no error-level log line for any of these client mistakes", () => {
    assert.deepEqual(server.errorLines(), []);
  });
});

describe("INTROSPECTION=false and METRICS_TOKEN set", () => {
  let server: LoggedTestServer;
  before(async () => {
    server = await startLoggedTestServer(KEYS, { INTROSPECTION: "false", METRICS_TOKEN });
  });
  after(() => server.close());

  test("validation errors no longer suggest field names", async () => {
    const { status, body } = await server.graphql("{ meetingz { totalCount } }");
    assert.equal(status, 400);
    assert.deepEqual(body.errors?.[0]?.extensions, { code: "BAD_USER_INPUT", reason: "GRAPHQL_VALIDATION_FAILED" });
    assert.equal(body.errors?.[0]?.message, 'Cannot query field "meetingz" on type "Query".');
    const argument = await server.graphql("{ meetings(firts: 1) { totalCount } }");
    assert.equal(argument.body.errors?.[0]?.message, 'Unknown argument "firts" on field "Query.meetings".');
  });

  test("nor do variables that do not fit their type, nor a saved document that does not validate", async () => {
    const variable = await server.graphql("query($o: MeetingOrder) { meetings(orderBy: $o) { totalCount } }", {
      o: { field: "DAT" },
    });
    assert.equal(variable.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal(
      variable.body.errors?.[0]?.message,
      'Variable "$o" got invalid value "DAT" at "o.field"; Value "DAT" does not exist in "MeetingOrderField" enum.',
    );
    const saved = await server.graphql(
      `mutation { saveQuery(input: { name: "typo", title: "Typo", document: "{ meetingz { totalCount } }" }) { name } }`,
      {},
      server.auth.reader,
    );
    assert.equal(saved.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.doesNotMatch(JSON.stringify(saved.body.errors), /Did you mean/);
    assert.match(saved.body.errors?.[0]?.message ?? "", /input\.document: Cannot query field "meetingz" on type "Query"\./);
  });

  test("/metrics answers 401 with a Bearer challenge unless the request carries METRICS_TOKEN", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong-token-0123456789" }, server.auth.admin]) {
      const refused = await scrape(server, headers);
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="metrics"');
      assert.match(await refused.text(), /METRICS_TOKEN/);
    }
    const scraped = await scrape(server, { authorization: `Bearer ${METRICS_TOKEN}` });
    assert.equal(scraped.status, 200);
    assert.match(await scraped.text(), /# TYPE chancery_graphql_requests_total counter/);
  });

  test("no error-level log line for any of these client mistakes", () => {
    assert.deepEqual(server.errorLines(), []);
  });
});

describe("REQUIRE_AUTH=true without METRICS_TOKEN", () => {
  let server: LoggedTestServer;
  before(async () => {
    server = await startLoggedTestServer(KEYS, { REQUIRE_AUTH: "true" });
  });
  after(() => server.close());

  test("/metrics asks for an ADMIN key: 401 without one (or with a bad one), 403 for a READER, 200 for an ADMIN", async () => {
    const anonymousOrBadKey: Record<string, string>[] = [{}, { authorization: "Bearer not-a-key" }];
    for (const headers of anonymousOrBadKey) {
      const refused = await scrape(server, headers);
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="metrics"');
    }
    assert.equal((await scrape(server, server.auth.reader)).status, 403);
    assert.equal((await scrape(server, server.auth.admin)).status, 200);
  });

  test("no error-level log line for any of these client mistakes", () => {
    assert.deepEqual(server.errorLines(), []);
  });
});

test("a METRICS_TOKEN shorter than 16 characters stops start-up with one clear line", () => {
  assert.throws(
    () => loadConfig({ METRICS_TOKEN: "short" }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^METRICS_TOKEN must be at least 16 printable characters/);
      return true;
    },
  );
});
