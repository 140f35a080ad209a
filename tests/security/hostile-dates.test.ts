import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Role } from "../../src/auth/role";
import { startTestServer, type TestServer } from "../support/server";
import { SchemaSites } from "./schema-sites";
import { bearerFor, errorCodes, loadDemoRecords, postGraphql } from "./security-support";

/** Codes a well-formed request may get; INTERNAL_SERVER_ERROR (or any other) would mean a value reached SQL unchecked. */
const CLIENT_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "FORBIDDEN", "UNAUTHENTICATED"]);

/** Boundary values and whether the scalar accepts them. PostgreSQL has no year 0; RFC 3339 has no five-digit year. */
const DATES: [string, boolean][] = [
  ["0000-01-01", false],
  ["0001-01-01", true],
  ["9999-12-31", true],
  ["10000-01-01", false],
  ["2026-02-29", false],
  ["2024-02-29", true],
];
const DATE_TIMES: [string, boolean][] = [
  ["0000-01-01T00:00:00Z", false],
  ["0001-01-01T00:00:00Z", true],
  ["0001-01-01T00:00:00+01:00", false],
  ["9999-12-31T23:59:59Z", true],
  ["9999-12-31T23:59:59-23:59", false],
];

describe("dates at and beyond the edges of what the columns hold, through the real server", () => {
  let server: TestServer;
  let admin: Record<string, string>;
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_REQUESTS: "0" }, { captureLogs: true });
    await loadDemoRecords(server.db.dataSource);
    admin = await bearerFor(server.db.dataSource, Role.ADMIN, "date-tester");
  });
  after(() => server.close());

  test("year 0000 in from, to, asOf and createMeeting(date:) is BAD_USER_INPUT naming the accepted range", async () => {
    const documents = [
      '{ meetings(filter: { from: "0000-01-01" }) { totalCount } }',
      "query ($d: Date) { meetings(filter: { to: $d }) { totalCount } }",
      'query ($d: Date) { coalition(slug: "coalition-of-the-willing") { members(asOf: $d) { role } } }',
      'mutation ($d: Date) { createMeeting(input: { slug: "year-zero", title: [{ lang: "en", text: "Year zero" }], status: PLANNED, date: $d }) { slug } }',
    ];
    for (const query of documents) {
      const response = await postGraphql(server.url, { query, variables: { d: "0000-01-01" } }, admin);
      assert.deepEqual(errorCodes(response), ["BAD_USER_INPUT"], `${query}: ${response.text.slice(0, 300)}`);
      assert.match(response.json?.errors?.[0]?.message ?? "", /from 0001-01-01 to 9999-12-31/);
    }
    const stored = await postGraphql(server.url, { query: '{ meeting(slug: "year-zero") { slug } }' });
    assert.deepEqual(stored.json?.data, { meeting: null });
  });

  for (const [scalar, values] of [
    ["Date", DATES],
    ["DateTime", DATE_TIMES],
  ] as const) {
    test(`every argument and input field of type ${scalar} in the schema accepts what the column holds and refuses the rest`, async () => {
      const sites = await SchemaSites.load(server.url, admin);
      const slots = sites.dateRequests("probe", scalar).map((request) => request.slot);
      const expected =
        scalar === "Date" ? ["MeetingFilter.from", "Coalition.members(asOf)", "CreateMeetingInput.date"] : ["ChangeFilter.from"];
      for (const slot of expected) assert.ok(slots.includes(slot), `${slot} is walked: ${slots.join(", ")}`);
      let round = 0;
      for (const [value, accepted] of values) {
        round += 1;
        for (const request of sites.dateRequests(`hostile-date-${round}`, scalar)) {
          const response = await postGraphql(server.url, { query: request.document, variables: { d: value } }, admin);
          const label = `${request.slot} = ${value}: HTTP ${response.status} ${response.text.slice(0, 300)}`;
          assert.ok(response.status < 500, label);
          for (const code of errorCodes(response)) assert.ok(CLIENT_CODES.has(String(code)), label);
          const refusals = (response.json?.errors ?? []).filter((error) => error.message.includes('"$d"'));
          if (accepted) assert.deepEqual(refusals, [], label);
          else {
            assert.equal(response.status, 400, label);
            assert.deepEqual(errorCodes(response), ["BAD_USER_INPUT"], label);
            assert.match(refusals[0]?.message ?? "", / must (be a calendar day|fall between)/, label);
          }
        }
      }
    });
  }

  test("no error-level line was logged for any of these client mistakes", () => {
    assert.deepEqual(
      server.logs.filter((line) => line.level >= 50),
      [],
    );
  });
});
