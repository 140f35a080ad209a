import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "pg";
import { Role } from "../../src/auth/role";
import { firstError, loadWorld, startWriteServer, tableChecksums, type WriteServer } from "./write-fixture";

let api: WriteServer;
before(async () => {
  api = await startWriteServer({ DB_LOCK_TIMEOUT_MS: "300" });
  await loadWorld(api.dataSource);
});
after(() => api.close());

/** Runs `write` while another session holds `lock` (SQL) in an open transaction. */
async function whileLocked<T>(lock: string, write: () => Promise<T>): Promise<T> {
  const blocker = new Client({ connectionString: api.server.db.url });
  await blocker.connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query(lock);
    return await write();
  } finally {
    await blocker.query("ROLLBACK");
    await blocker.end();
  }
}

test("a record held by another writer past lock_timeout: CONFLICT, reason LOCK_TIMEOUT, retryable, with its current version", async () => {
  const [{ version }] = await api.dataSource.query(`SELECT version FROM meeting WHERE slug = 'chiefs-in-paris'`);
  const checksums = await tableChecksums(api.dataSource);
  const answers = await whileLocked(`SELECT 1 FROM meeting WHERE slug = 'chiefs-in-paris' FOR UPDATE`, () =>
    Promise.all([
      api.as(
        Role.EDITOR,
        `mutation { updateMeeting(slug: "chiefs-in-paris", expectedVersion: ${version}, input: { status: POSTPONED }) { version } }`,
      ),
      api.as(Role.EDITOR, `mutation { addMeetingTopic(meeting: "chiefs-in-paris", topic: "security-guarantees") { version } }`),
    ]),
  );
  for (const answer of answers) {
    const error = firstError(answer);
    assert.equal(error.extensions.code, "CONFLICT", error.message);
    assert.equal(error.extensions.reason, "LOCK_TIMEOUT");
    assert.equal(error.extensions.retryable, true);
    assert.equal(error.extensions.currentVersion, version);
  }
  assert.deepEqual(await tableChecksums(api.dataSource), checksums, "nothing written");
});

test("a lock timeout met after the record was locked (on the history) is answered the same way, through the one classifier", async () => {
  const answer = await whileLocked(`LOCK TABLE record_change IN EXCLUSIVE MODE`, () =>
    api.as(Role.EDITOR, `mutation { createState(input: { code: "PL", name: [{ lang: "en", text: "Poland" }] }) { code } }`),
  );
  const error = firstError(answer);
  assert.equal(error.extensions.code, "CONFLICT");
  assert.equal(error.extensions.reason, "LOCK_TIMEOUT");
  assert.equal(error.extensions.retryable, true);
});

test("an update that changes nothing succeeds without a new version or history entry", async () => {
  const [{ version }] = await api.dataSource.query(`SELECT version FROM meeting WHERE slug = 'chiefs-in-paris'`);
  const [{ entries }] = await api.dataSource.query(`SELECT count(*)::int AS entries FROM record_change`);
  const data = await api.edit<{ updateMeeting: { version: number; status: string } }>(
    `mutation($v: Int!) { updateMeeting(slug: "chiefs-in-paris", expectedVersion: $v, input: { status: HELD, title: [{ lang: "en", text: "Chiefs in Paris" }] }) { version status } }`,
    { v: version },
  );
  assert.deepEqual(data.updateMeeting, { version, status: "HELD" });
  const [{ entries: after }] = await api.dataSource.query(`SELECT count(*)::int AS entries FROM record_change`);
  assert.equal(after, entries);
});
