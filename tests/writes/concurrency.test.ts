import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Role } from "../../src/auth/role";
import { firstError, loadWorld, startWriteServer, tableChecksums, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  // A connection for each of the 20 concurrent writers below: they race for the row lock, not for the pool (with
  // fewer connections, a slow machine answers the late ones DATABASE_BUSY after DB_CONNECTION_TIMEOUT_MS).
  api = await startWriteServer({ DB_POOL_MAX: "25" });
  await loadWorld(api.dataSource);
});
after(() => api.close());

async function meetingVersion(slug: string): Promise<number> {
  const data = await api.edit<{ meeting: { version: number } }>(`query($slug: String!) { meeting(slug: $slug) { version } }`, {
    slug,
  });
  return data.meeting.version;
}

test("a stale expectedVersion is CONFLICT with the current version, and nothing is written", async () => {
  const version = await meetingVersion("chiefs-in-paris");
  await api.edit(
    `mutation($v: Int!) { updateMeeting(slug: "chiefs-in-paris", expectedVersion: $v, input: { status: POSTPONED }) { version } }`,
    {
      v: version,
    },
  );
  const before = await tableChecksums(api.dataSource);
  const body = await api.as(
    Role.EDITOR,
    `mutation($v: Int!) { updateMeeting(slug: "chiefs-in-paris", expectedVersion: $v, input: { status: CANCELLED }) { version } }`,
    { v: version },
  );
  const error = firstError(body);
  assert.equal(error.extensions.code, "CONFLICT");
  assert.equal(error.extensions.currentVersion, version + 1);
  assert.equal(error.extensions.expectedVersion, version);
  assert.deepEqual(await tableChecksums(api.dataSource), before);
});

test("nested writes check expectedVersion too", async () => {
  const version = await meetingVersion("chiefs-in-paris");
  const body = await api.as(
    Role.EDITOR,
    `mutation($v: Int) { addMeetingTopic(meeting: "chiefs-in-paris", topic: "security-guarantees", expectedVersion: $v) { version } }`,
    { v: version - 1 },
  );
  assert.equal(firstError(body).extensions.code, "CONFLICT");
});

test("20 concurrent updates at the same expectedVersion: exactly one wins, the rest CONFLICT, the row and the history hold the winner's write", async () => {
  const version = await meetingVersion("chiefs-in-paris");
  const [{ count: historyBefore }] = await api.dataSource.query(
    `SELECT count(*)::int AS count FROM record_change WHERE record_type = 'Meeting' AND record_key = 'chiefs-in-paris'`,
  );
  const writers = Array.from({ length: 20 }, (_, index) => `Title by writer ${index}`);
  const answers = await Promise.all(
    writers.map((title) =>
      api.as<{ updateMeeting: { title: string; version: number } }>(
        Role.EDITOR,
        `mutation($v: Int!, $title: String!) { updateMeeting(slug: "chiefs-in-paris", expectedVersion: $v, input: { title: [{ lang: "en", text: $title }] }) {
            title version } }`,
        { v: version, title },
      ),
    ),
  );
  const winners = answers.filter((answer) => answer.data?.updateMeeting);
  const losers = answers.filter((answer) => answer.errors);
  assert.equal(winners.length, 1, "exactly one writer wins");
  assert.equal(losers.length, 19);
  for (const loser of losers) {
    assert.equal(loser.errors?.[0].extensions?.code, "CONFLICT");
    assert.equal(loser.errors?.[0].extensions?.currentVersion, version + 1);
  }
  const winner = winners[0].data?.updateMeeting;
  assert.ok(winner);
  assert.equal(winner.version, version + 1);
  const [row] = await api.dataSource.query(`SELECT title->>'en' AS title, version FROM meeting WHERE slug = 'chiefs-in-paris'`);
  assert.deepEqual(row, { title: winner.title, version: version + 1 });
  const entries = await api.dataSource.query(
    `SELECT action, version, after->'title'->>'en' AS title FROM record_change
      WHERE record_type = 'Meeting' AND record_key = 'chiefs-in-paris' ORDER BY id OFFSET $1`,
    [historyBefore],
  );
  assert.deepEqual(entries, [{ action: "UPDATE", version: version + 1, title: winner.title }]);
});

test("10 concurrent creates of the same key: one record, the others refused, one CREATE in the history", async () => {
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      api.as(
        Role.EDITOR,
        `mutation($name: String!) { createState(input: { code: "NO", name: [{ lang: "en", text: $name }] }) { code } }`,
        {
          name: `Norway ${index}`,
        },
      ),
    ),
  );
  assert.equal(answers.filter((answer) => answer.data?.createState).length, 1);
  for (const answer of answers.filter((entry) => entry.errors)) {
    assert.ok(["CONFLICT", "BAD_USER_INPUT"].includes(String(answer.errors?.[0].extensions?.code)));
  }
  const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM state WHERE code = 'NO'`);
  assert.equal(count, 1);
  const [{ entries }] = await api.dataSource.query(
    `SELECT count(*)::int AS entries FROM record_change WHERE record_type = 'State' AND record_key = 'NO'`,
  );
  assert.equal(entries, 1);
});
