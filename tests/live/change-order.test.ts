import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { EntityManager } from "typeorm";
import { countQueries, type QueryCount } from "../../src/db/query-counter";
import { runWrite, type WriteContext } from "../../src/writes/write-context";
import { writeEntry } from "../../src/writes/write-entry";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

/** Appends one history entry in the transaction `manager` runs, as any SQL could, and answers the id it took. */
async function append(manager: EntityManager, key: string): Promise<{ id: number }> {
  const [entry]: { id: number }[] = await manager.query(
    `INSERT INTO record_change (actor, record_type, record_id, record_key, action, "after", version)
     VALUES ('test', 'Topic', 1, $1, 'CREATE', $2, 1) RETURNING id`,
    [key, { slug: key }],
  );
  return entry;
}

/** Ids a reader following the history by id (as the live feed does) has seen so far. */
async function readAfter(afterId: number): Promise<{ id: number; record_key: string }[]> {
  return db.dataSource.query("SELECT id, record_key FROM record_change WHERE id > $1 ORDER BY id", [afterId]);
}

function until(test: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve, reject) => {
    const poll = () => test().then((done) => (done ? resolve() : setTimeout(poll, 10)), reject);
    poll();
  });
}

test("two concurrent writers: the second cannot take a history id until the first commits, so a reader by id never skips a change", async () => {
  let releaseFirst: () => void = () => {};
  const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
  let firstId = 0;
  const first = db.dataSource.transaction(async (manager) => {
    firstId = (await append(manager, "first")).id;
    await firstHolds;
  });
  await until(async () => firstId > 0);

  let secondId = 0;
  const second = db.dataSource.transaction(async (manager) => {
    secondId = (await append(manager, "second")).id;
  });
  // The second writer waits on the change-order lock, holding no history id.
  await until(async () => {
    const [{ waiting }]: { waiting: number }[] = await db.dataSource.query(
      "SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
    );
    return waiting === 1;
  });
  assert.equal(secondId, 0);
  assert.deepEqual(await readAfter(0), []);

  releaseFirst();
  await Promise.all([first, second]);
  assert.ok(secondId > firstId, `the later commit has the later id (${firstId}, ${secondId})`);
  assert.deepEqual(
    (await readAfter(0)).map((row) => row.record_key),
    ["first", "second"],
  );
});

test("a write appends its history as its last statement before COMMIT, so writers wait on each other only for that statement and the commit", async () => {
  const actor = { label: "test", apiKeyId: null };
  const statementsOf = async (write: (context: WriteContext) => Promise<unknown>): Promise<string[]> => {
    const count: QueryCount = { statements: 0, log: [] };
    await countQueries(count, () => runWrite(db.dataSource, actor, write));
    return count.log ?? [];
  };
  const created = await statementsOf((context) =>
    writeEntry(context, "Topic", { slug: "commit-order", name: [{ lang: "en", text: "Commit order" }] }),
  );
  const updated = await statementsOf((context) =>
    writeEntry(
      context,
      "Topic",
      { name: [{ lang: "en", text: "Commit order, renamed" }] },
      { key: "commit-order", expectedVersion: 1 },
    ),
  );
  for (const statements of [created, updated]) {
    const appends = statements.filter((sql) => /^\s*INSERT INTO "?record_change"?/.test(sql));
    assert.equal(appends.length, 1, statements.join("\n"));
    assert.deepEqual(statements.slice(statements.indexOf(appends[0]) + 1), ["COMMIT"]);
  }
  const [{ entries }]: { entries: number }[] = await db.dataSource.query(
    "SELECT count(*)::int AS entries FROM record_change WHERE record_key = 'commit-order'",
  );
  assert.equal(entries, 2);
});
