import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { bearerFor, errorCodes, loadDemoRecords, postGraphql, rawRequest } from "./security-support";

/** Names a spreadsheet would run as formulas, with the CSV line each must come out as (slug, then the name). */
const FORMULAS: [string, string, string][] = [
  ["csv-equals", "=1+1", "csv-equals,'=1+1"],
  ["csv-plus", "+1+1", "csv-plus,'+1+1"],
  ["csv-minus", "-1+1", "csv-minus,'-1+1"],
  ["csv-at", "@SUM(A1)", "csv-at,'@SUM(A1)"],
  ["csv-tab", "\t=1+1", "csv-tab,'\t=1+1"],
  ["csv-return", "\r=1+1", `csv-return,"'\r=1+1"`],
  ["csv-hyperlink", '=HYPERLINK("http://evil.example","x")', `csv-hyperlink,"'=HYPERLINK(""http://evil.example"",""x"")"`],
  ["csv-plain", "Plain = text", "csv-plain,Plain = text"],
];

const MARKUP_TITLE = "x </b><img src=x onerror=alert(1)><b> ceasefire \uE000forged\uE001 & more";

describe("hostile clients, round two: stored markup, exports, NUL in paths, oversized lists", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_REQUESTS: "0", EXPOSE_SQL_STATEMENTS: "true" }, { captureLogs: true });
    await loadDemoRecords(server.db.dataSource);
    editor = await bearerFor(server.db.dataSource, Role.EDITOR, "hostile-editor");
    const bundle = {
      topics: FORMULAS.map(([slug, name]) => ({ slug, name })),
      sources: [{ slug: "hostile-markup", kind: "OTHER", title: MARKUP_TITLE }],
    };
    const imported = await postGraphql(
      server.url,
      { query: "mutation ($b: JSON!) { importRecords(bundle: $b) { created } }", variables: { b: bundle } },
      editor,
    );
    assert.deepEqual(imported.json?.data, { importRecords: { created: FORMULAS.length + 1 } }, imported.text);
  });
  after(() => server.close());

  test("NUL in a /saved/{name} path is a 404 JSON error, with ?format=csv and over POST too", async () => {
    const requests: [string, RequestInit][] = [
      ["/saved/a%00b", {}],
      ["/saved/a%00b?format=csv", {}],
      ["/saved/a%00b", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
    ];
    for (const [path, init] of requests) {
      const response = await rawRequest(`${server.origin}${path}`, init);
      assert.equal(response.status, 404, `${path}: ${response.text}`);
      assert.deepEqual(errorCodes(response), ["NOT_FOUND"]);
    }
  });

  test("CSV cells that a spreadsheet would evaluate start with ' (OWASP CSV injection); other text is untouched", async () => {
    const document = `{ topics(first: 100, filter: { slugs: ${JSON.stringify(FORMULAS.map(([slug]) => slug))} }) { nodes { slug name } } }`;
    const saved = await postGraphql(
      server.url,
      {
        query: 'mutation ($d: String!) { saveQuery(input: { name: "formulas", title: "Formulas", document: $d }) { name } }',
        variables: { d: document },
      },
      editor,
    );
    assert.equal(saved.json?.errors, undefined, saved.text);
    const csv = (await rawRequest(`${server.origin}/saved/formulas?format=csv`)).text;
    for (const [slug, name, line] of FORMULAS) {
      assert.ok(
        csv.includes(`${line}\r\n`),
        `${slug} (${JSON.stringify(name)}) comes out as ${JSON.stringify(line)}: ${JSON.stringify(csv)}`,
      );
    }
    const json = await rawRequest(`${server.origin}/saved/formulas`);
    assert.ok(json.text.includes(JSON.stringify("=1+1")), "the JSON answer keeps the stored text as it is");
  });

  test("search snippets escape stored markup: only the <b> highlights are tags", async () => {
    const response = await postGraphql(server.url, {
      query: '{ search(query: "ceasefire", types: [SOURCE]) { nodes { snippet } } }',
    });
    const data = response.json?.data as { search: { nodes: { snippet: string }[] } } | undefined;
    const snippets = (data?.search.nodes ?? []).map((node) => node.snippet);
    const snippet = snippets.find((text) => text.includes("onerror"));
    assert.ok(snippet, `the hostile source is found: ${JSON.stringify(snippets)}`);
    assert.match(snippet, /<b>ceasefire<\/b>/);
    // ts_headline cuts the fragment inside the tag; what it keeps of it comes escaped.
    assert.ok(snippet.includes("onerror=alert(1)&gt;"), snippet);
    assert.ok(snippet.includes("&amp; more"), snippet);
    const withoutHighlights = snippet.replaceAll("<b>ceasefire</b>", "");
    assert.doesNotMatch(withoutHighlights, /[<>]/, `no other markup: ${snippet}`);
    assert.doesNotMatch(snippet, /[\uE000\uE001]/, "stored marker characters cannot forge a highlight");
  });

  test("a filter list of 100,000 values is refused before any SQL, naming the path, the limit and the count", async () => {
    const slugs = Array.from({ length: 100_000 }, (_, index) => index.toString(36));
    const cases: [string, Record<string, unknown>, string, number][] = [
      [
        "query ($v: [String!]) { meetings(filter: { coalitions: $v }) { totalCount } }",
        { v: slugs },
        "filter.coalitions",
        100_000,
      ],
      [
        "query ($v: [String!]) { meetings(filter: { and: [{ topics: $v }] }) { totalCount } }",
        { v: slugs.slice(0, 1001) },
        "filter.and[0].topics",
        1001,
      ],
      [
        "query ($f: [StateFilter!]) { states(filter: { or: $f }) { totalCount } }",
        { f: slugs.slice(0, 1001).map(() => ({})) },
        "filter.or",
        1001,
      ],
    ];
    for (const [query, variables, path, count] of cases) {
      const response = await postGraphql(server.url, { query, variables });
      assert.deepEqual(errorCodes(response), ["QUERY_TOO_COMPLEX"], `${path}: ${response.text.slice(0, 300)}`);
      const error = response.json?.errors?.[0];
      assert.deepEqual(
        { ...error?.extensions, requestId: undefined },
        { code: "QUERY_TOO_COMPLEX", limit: "maxFilterListValues", value: count, max: 1000, path, requestId: undefined },
      );
      assert.equal(error?.message, `${path}: a list in a filter holds at most 1000 values (got ${count})`);
      assert.equal(response.json?.extensions?.sqlStatements, 0, "no SQL ran");
      assert.ok(response.text.length < 2_000, `a small answer (${response.text.length} bytes)`);
    }
  });

  test("1,000 unknown slugs are named in one error that lists the first 100 and counts the rest", async () => {
    const slugs = Array.from({ length: 1000 }, (_, index) => `unknown-${index}`);
    const response = await postGraphql(server.url, {
      query: "query ($v: [String!]) { meetings(filter: { coalitions: $v }) { totalCount } }",
      variables: { v: slugs },
    });
    assert.deepEqual(errorCodes(response), ["BAD_USER_INPUT"]);
    const error = response.json?.errors?.[0];
    const problems = error?.extensions?.problems as { path: string; message: string }[];
    assert.equal(problems.length, 100);
    assert.deepEqual(problems[0], { path: "filter.coalitions[0]", message: 'unknown coalition "unknown-0"' });
    assert.equal(error?.extensions?.moreProblems, 900);
    assert.match(error?.message ?? "", /filter\.coalitions\[99\]: unknown coalition "unknown-99"; and 900 more problems$/);
    assert.ok(response.text.length < 20_000, `${response.text.length} bytes`);
  });

  test("no error-level line was logged for any of these client mistakes", () => {
    assert.deepEqual(
      server.logs.filter((line) => line.level >= 50),
      [],
    );
  });
});
