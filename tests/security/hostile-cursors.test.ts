import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { type Forgery, forgeCursors } from "./cursor-forgery";
import { SchemaSites } from "./schema-sites";
import { bearerFor, loadDemoRecords, postGraphql, type RawResponse } from "./security-support";

const base64url = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** The first `cursor` in a response, with the `id` of the nearest object above it that has one (its parent record). */
function parentWithCursor(value: unknown, parentId?: string): { cursor: string; parentId?: string } | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = parentWithCursor(item, parentId);
      if (found) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.cursor === "string") return { cursor: record.cursor, parentId };
    const id = typeof record.id === "string" ? record.id : parentId;
    for (const item of Object.values(record)) {
      const found = parentWithCursor(item, id);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The forgeries each cursor argument gets: `after` all of them, with the valid cursor as a control; `before`, decoded
 * by the same code, those every list must refuse, and all of them under a parent, where 25 go in one request.
 */
function forgeriesFor(cursorArgs: string[], valid: string, root: boolean): (Forgery & { argument: string })[] {
  return cursorArgs.flatMap((argument) => {
    const all = [
      { label: "the valid cursor", cursor: valid, mustRefuse: false },
      ...forgeCursors(valid, { encoding: argument === "after" }),
    ];
    const kept =
      argument === "after" || !root ? all : all.filter((forgery) => forgery.mustRefuse || forgery.label === "the valid cursor");
    return kept.map((forgery) => ({ ...forgery, argument }));
  });
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
    const check = (what: string, forgery: Forgery & { argument: string }, response: RawResponse, errors: ResponseError[]) => {
      assert.ok(response.status < 500, `${what}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
      for (const error of errors) {
        assert.equal(error.extensions?.code, "BAD_USER_INPUT", `${what}: ${JSON.stringify(error)}`);
        assert.ok(error.message.startsWith(`${forgery.argument}: `), `${what}: ${error.message}`);
      }
      if (forgery.label === "the valid cursor") assert.deepEqual(errors, [], `${what} is accepted`);
      if (forgery.mustRefuse) assert.ok(errors.length > 0, `${what} is refused`);
      if (errors.length > 0) refused += 1;
      else accepted += 1;
    };
    for (const site of sites) {
      const root = site.parentType === "Query";
      // Every sort field at the root; nested lists (paged by the same code, under a parent) in their default order.
      for (const order of root ? site.orders : [""]) {
        const args = (argument: string, variable: string) => [`${argument}: ${variable}`, order].filter(Boolean).join(", ");
        const answer = await postGraphql(
          server.url,
          { query: `{ ${site.call("v", ["first: 3", order].filter(Boolean).join(", "), "edges { cursor }")} }` },
          admin,
        );
        const found = parentWithCursor(answer.json?.data);
        assert.ok(found, `${site.label} ${order} answers a cursor: ${answer.text.slice(0, 300)}`);
        const forged = forgeriesFor(site.cursorArgs, found.cursor, root);
        if (root) {
          // One request per forgery: a refused root connection nulls the whole answer, hiding its siblings' errors.
          const answers = await inParallel(forged, 6, (forgery) =>
            postGraphql(
              server.url,
              {
                query: `query ($c: String) { ${site.call("f", args(forgery.argument, "$c"), "edges { cursor }")} }`,
                variables: { c: forgery.cursor },
              },
              admin,
            ),
          );
          forged.forEach((forgery, index) => {
            check(
              `${site.label} ${order} ${forgery.argument} = ${forgery.label}`,
              forgery,
              answers[index],
              errorsOf(answers[index]),
            );
          });
          continue;
        }
        // Under node(id:), which is nullable, a refusal nulls its own alias only: 25 forgeries per request.
        for (let start = 0; start < forged.length; start += 25) {
          const batch = forged.slice(start, start + 25);
          const declarations = batch.map((_, index) => `$c${index}: String`).join(", ");
          const calls = batch.map((forgery, index) =>
            site.callOnNode(`f${index}`, found.parentId ?? "", args(forgery.argument, `$c${index}`), "edges { cursor }"),
          );
          const variables = Object.fromEntries(batch.map((forgery, index) => [`c${index}`, forgery.cursor]));
          const response = await postGraphql(
            server.url,
            { query: `query (${declarations}) { ${calls.join(" ")} }`, variables },
            admin,
          );
          batch.forEach((forgery, index) => {
            const errors = errorsOf(response).filter((error) => error.path?.[0] === `f${index}`);
            check(`${site.label} ${forgery.argument} = ${forgery.label}`, forgery, response, errors);
          });
        }
      }
    }
    assert.ok(refused > 1000, `${refused} forgeries refused, ${accepted} accepted`);
  });

  test("no error-level line was logged for any of these client mistakes", () => {
    const errors = server.logs.filter((line) => line.level >= 50);
    assert.deepEqual(errors, []);
  });
});
