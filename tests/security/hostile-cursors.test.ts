import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { forgeCursors } from "./cursor-forgery";
import { SchemaSites } from "./schema-sites";
import { bearerFor, loadDemoRecords, postGraphql, type RawResponse } from "./security-support";

const base64url = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** Every `cursor` value anywhere in a response. */
function cursorsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) cursorsIn(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === "cursor" && typeof item === "string") found.push(item);
      else cursorsIn(item, found);
    }
  }
  return found;
}

/** `work` over every item, at most `width` at once, answers in the items' order. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

type ResponseError = NonNullable<NonNullable<RawResponse["json"]>["errors"]>[number] & { path?: (string | number)[] };

function errorsOf(response: RawResponse): ResponseError[] {
  return (response.json?.errors ?? []) as ResponseError[];
}

describe("forged cursors through the real server", () => {
  let server: TestServer;
  let admin: Record<string, string>;
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_REQUESTS: "0" }, { captureLogs: true });
    await loadDemoRecords(server.db.dataSource);
    admin = await bearerFor(server.db.dataSource, Role.ADMIN, "cursor-forger");
    for (const name of ["forged-a", "forged-b"]) {
      const saved = await postGraphql(
        server.url,
        { query: `mutation { saveQuery(input: { name: "${name}", title: "${name}", document: "{ apiVersion }" }) { name } }` },
        admin,
      );
      assert.equal(saved.json?.errors, undefined, saved.text);
    }
  });
  after(() => server.close());

  test("the reported forgeries are BAD_USER_INPUT naming the argument and why, not internal errors", async () => {
    const cases: [string, string, RegExp][] = [
      [
        "{ meetings(after: $c) { totalCount } }",
        base64url(["meeting:DATE:DESC", "not-a-date", "x"]),
        /^after: .*position is not a date/,
      ],
      ["{ meetings(after: $c) { totalCount } }", base64url(["meeting:DATE:DESC", "2026-02-30", "x"]), /^after: .*not a date/],
      ["{ meetings(before: $c) { totalCount } }", base64url(["meeting:DATE:DESC", "2026-01-06", "x\u0000y"]), /^before: .*NUL/],
      [
        "{ meetings(after: $c, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount } }",
        base64url(["meeting:CREATED_AT:DESC", "zzz", "x"]),
        /^after: .*not a timestamp/,
      ],
      [
        '{ search(query: "coalition", after: $c) { totalCount } }',
        base64url(["search", "1.2.3", "MEETING:1"]),
        /^after: .*not a rank/,
      ],
      ['{ search(query: "coalition", after: $c) { totalCount } }', base64url('["search",1e999,"MEETING:1"]'), /^after: /],
      [
        '{ search(query: "coalition", after: $c) { totalCount } }',
        base64url(["search", "1e999", "MEETING:1"]),
        /^after: .*not a rank/,
      ],
      [
        '{ search(query: "coalition", after: $c) { totalCount } }',
        base64url(["search", "0.1", "MEETING:99999999999"]),
        /^after: .*search hit/,
      ],
      ["{ changes(after: $c) { totalCount } }", base64url("change:9999999999"), /^after: .*change history/],
    ];
    for (const [selection, cursor, message] of cases) {
      const query = `query ($c: String) ${selection}`;
      const response = await postGraphql(server.url, { query, variables: { c: cursor } }, admin);
      const errors = errorsOf(response);
      assert.deepEqual(
        errors.map((error) => error.extensions?.code),
        ["BAD_USER_INPUT"],
        `${selection} ${cursor}: ${response.text.slice(0, 300)}`,
      );
      assert.match(errors[0].message, message);
    }
  });

  test("every connection of the schema refuses forgeries of its own cursors as BAD_USER_INPUT, never an internal error", async () => {
    const sites = (await SchemaSites.load(server.url, admin)).connectionSites();
    const labels = sites.map((site) => site.label);
    for (const expected of ["Query.meetings", "Query.search", "Query.changes", "Coalition.meetings", "Meeting.history"]) {
      assert.ok(labels.includes(expected), `${expected} is among the connections walked: ${labels.join(", ")}`);
    }
    let refused = 0;
    let accepted = 0;
    for (const site of sites) {
      // Every sort field at the root; nested lists (paged by the same code, under a parent) in their default order.
      for (const order of site.label.startsWith("Query.") ? site.orders : [""]) {
        const answer = await postGraphql(
          server.url,
          { query: `{ ${site.call("v", ["first: 3", order].filter(Boolean).join(", "), "edges { cursor }")} }` },
          admin,
        );
        const [valid] = cursorsIn(answer.json?.data);
        assert.ok(valid, `${site.label} ${order} answers a cursor: ${answer.text.slice(0, 300)}`);
        const forged = site.cursorArgs.flatMap((argument) =>
          [
            { label: "the valid cursor", cursor: valid, mustRefuse: false },
            ...forgeCursors(valid, { encoding: argument === "after" }),
          ].map((forgery) => ({
            ...forgery,
            argument,
          })),
        );
        // One request per forgery (a refused root connection nulls the whole answer, hiding its siblings' errors), six at a time.
        const answers = await inParallel(forged, 6, (forgery) =>
          postGraphql(
            server.url,
            {
              query: `query ($c: String) { ${site.call("f", [`${forgery.argument}: $c`, order].filter(Boolean).join(", "), "edges { cursor }")} }`,
              variables: { c: forgery.cursor },
            },
            admin,
          ),
        );
        forged.forEach((forgery, index) => {
          const what = `${site.label} ${order} ${forgery.argument} = ${forgery.label}`;
          const response = answers[index];
          assert.ok(response.status < 500, `${what}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
          const errors = errorsOf(response);
          for (const error of errors) {
            assert.equal(error.extensions?.code, "BAD_USER_INPUT", `${what}: ${JSON.stringify(error)}`);
            assert.ok(error.message.startsWith(`${forgery.argument}: `), `${what}: ${error.message}`);
          }
          if (forgery.label === "the valid cursor") assert.deepEqual(errors, [], `${what} is accepted`);
          if (forgery.mustRefuse) assert.ok(errors.length > 0, `${what} is refused`);
          if (errors.length > 0) refused += 1;
          else accepted += 1;
        });
      }
    }
    assert.ok(refused > 1000, `${refused} forgeries refused, ${accepted} accepted`);
  });

  test("no error-level line was logged for any of these client mistakes", () => {
    const errors = server.logs.filter((line) => line.level >= 50);
    assert.deepEqual(errors, []);
  });
});
