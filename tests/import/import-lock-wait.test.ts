import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { IMPORT_LOCK_KEY, importBundle } from "../../src/import/import-bundle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { generatedBundle } from "../support/generated-bundle";

/** A request's statement timeout far below how long the other import holds the lock. */
const REQUEST_TIMEOUT_MS = 200;

let db: TestDatabase;
let strict: DataSource;
before(async () => {
  db = await createTestDatabase();
  strict = createDataSource({ url: db.url, poolMax: 2, statementTimeoutMs: REQUEST_TIMEOUT_MS });
  await strict.initialize();
});
after(async () => {
  await strict.destroy();
  await db.drop();
});

async function waitingForImportLock(client: Client): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
  );
  return rows[0].waiting > 0;
}

test("a request's statement timeout is in force on the strict connections", async () => {
  await assert.rejects(strict.query(`SELECT pg_sleep(1)`), /statement timeout/);
});

test("an import waiting for another import's lock longer than the request statement timeout still succeeds", async () => {
  const other = new Client({ connectionString: db.url });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
    const running = importBundle(strict, generatedBundle(3), { actor: "lock-wait", statementTimeoutMs: 600_000 });
    while (!(await waitingForImportLock(other))) await new Promise((resolve) => setTimeout(resolve, 20));
    // Held five times the request timeout while the import waits.
    await other.query(`SELECT pg_sleep($1)`, [(REQUEST_TIMEOUT_MS * 5) / 1000]);
    await other.query("COMMIT");
    const result = await running;
    assert.equal(result.byType.meetings.created, 3);
  } finally {
    await other.end();
  }
  const [{ meetings }]: { meetings: number }[] = await db.dataSource.query(`SELECT count(*)::int AS meetings FROM meeting`);
  assert.equal(meetings, 3);
});
