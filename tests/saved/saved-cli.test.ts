import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { documentHash } from "../../src/saved-queries/saved-query-store";
import { type CliRun, runCli } from "../support/run-cli";
import type { TestServer } from "../support/server";
import { MEETINGS_ON_TOPICS, SAVE_QUERY, startSavedQueryServer } from "./saved-support";

const CLI = path.resolve(__dirname, "../../src/cli/saved.js");
/** A query saved before a schema change removed the field it asks for. */
const STALE_DOCUMENT = "{ meetings { nodes { slug venue } } }";

let server: TestServer;
let auth: Record<string, Record<string, string>>;
before(async () => {
  ({ server, auth } = await startSavedQueryServer({ analyst: Role.READER }));
  const saved = await server.graphql(
    SAVE_QUERY,
    { input: { name: "meetings-on-topics", title: "Meetings on topics", document: MEETINGS_ON_TOPICS } },
    auth.analyst,
  );
  assert.equal(saved.body.errors, undefined, JSON.stringify(saved.body.errors));
  await server.db.dataSource.query(
    `INSERT INTO saved_query (name, title, document, document_hash) VALUES ('stale-venues', 'Venues', $1, $2)`,
    [STALE_DOCUMENT, documentHash(STALE_DOCUMENT)],
  );
});
after(() => server.close());

function runSaved(args: string[]): Promise<CliRun> {
  return runCli(CLI, args, { DATABASE_URL: server.db.url, LOG_LEVEL: "silent" });
}

test("a saved query broken by a schema change is reported on SavedQuery, never run silently", async () => {
  const { body } = await server.graphql<{ savedQuery: { isValid: boolean; validationErrors: string[] } }>(
    `{ savedQuery(name: "stale-venues") { isValid validationErrors } }`,
  );
  assert.equal(body.data?.savedQuery.isValid, false);
  assert.match(
    body.data?.savedQuery.validationErrors[0] ?? "",
    /Cannot query field "venue" on type "Meeting".* \(line 1, column 27\)/,
  );
  const run = await server.graphql(`{ runSavedQuery(name: "stale-venues") }`);
  assert.equal(run.body.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.match(run.body.errors?.[0]?.message ?? "", /no longer validates/);
});

test("`saved check` names the broken saved query and exits 1", async () => {
  const { code, stdout } = await runSaved(["check"]);
  assert.equal(code, 1);
  assert.match(stdout, /^stale-venues \(version 1\) no longer validates:$/m);
  assert.match(stdout, /2 saved queries checked, 1 invalid/);
  assert.doesNotMatch(stdout, /meetings-on-topics/);
});

test("`saved list` and `saved show` describe the saved queries", async () => {
  const listed = await runSaved(["list"]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^meetings-on-topics\tv1\tunapproved\tanalyst\tMeetings on topics$/m);
  const shown = await runSaved(["show", "meetings-on-topics"]);
  assert.match(shown.stdout, /REST: \/saved\/meetings-on-topics/, shown.stderr);
  assert.match(shown.stdout, /query MeetingsOnTopics/);
});

test("`saved run` takes typed --var values and prints JSON or CSV", async () => {
  const json = await runSaved(["run", "meetings-on-topics", "--var", "topics=reconstruction", "--var", "first=5"]);
  assert.equal(json.code, 0, json.stderr);
  const data = JSON.parse(json.stdout) as { meetings: { nodes: { slug: string }[] } };
  assert.deepEqual(
    data.meetings.nodes.map((node) => node.slug),
    ["leaders-security-documents-work"],
  );
  const csv = await runSaved(["run", "meetings-on-topics", "--var", "topics=reconstruction", "--csv"]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /^slug,date,format,/);
  assert.match(csv.stdout, /\r\nleaders-security-documents-work,,,/);
  const bad = await runSaved(["run", "meetings-on-topics", "--var", "first=lots"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /\$first/);
});

test("`saved approve` and `saved revoke` curate the SAFELIST; a query that no longer validates cannot be approved", async () => {
  const approved = await runSaved(["approve", "meetings-on-topics", "--expected-version", "1"]);
  assert.equal(approved.code, 0, approved.stderr);
  assert.match(approved.stdout, /^meetings-on-topics \(version 1\) is approved$/m);
  assert.match((await runSaved(["list"])).stdout, /^meetings-on-topics\tv1\tapproved\tanalyst\t/m);
  const state = await server.graphql<{ savedQuery: { isApproved: boolean; approvedBy: string | null } }>(
    `{ savedQuery(name: "meetings-on-topics") { isApproved approvedBy } }`,
    {},
    auth.analyst,
  );
  assert.deepEqual(state.body.data?.savedQuery, { isApproved: true, approvedBy: null });

  const stale = await runSaved(["approve", "meetings-on-topics", "--expected-version", "2"]);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /is not at version 2: it is at version 1/);
  const broken = await runSaved(["approve", "stale-venues"]);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /Cannot query field "venue" on type "Meeting"/);

  const revoked = await runSaved(["revoke", "meetings-on-topics"]);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.match(revoked.stdout, /^meetings-on-topics \(version 1\) is unapproved$/m);
});
