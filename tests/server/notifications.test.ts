import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { type Notifications, notify, startNotifications } from "../../src/db/notifications";
import { createLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let notifications: Notifications;
before(async () => {
  db = await createTestDatabase();
  notifications = startNotifications({
    url: db.url,
    log: createLogger("silent"),
    applicationName: "chancery-listen-test",
    retryDelayMs: 50,
  });
});
after(async () => {
  await notifications.close();
  await db.drop();
});

/** Resolves once `check` holds, polling; fails the test after `timeoutMs` (a bound, not a measured time). */
async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`still waiting for ${what}`);
    await sleep(20);
  }
}

test("a NOTIFY sent inside a transaction is heard when it commits, never when it rolls back", async () => {
  const heard: string[] = [];
  const stop = await notifications.listen("chancery_test_news", (payload) => heard.push(payload));
  await db.dataSource.transaction(async (manager) => {
    await notify(manager, "chancery_test_news", "committed");
    assert.deepEqual(heard, [], "nothing is announced before the commit");
  });
  await db.dataSource
    .transaction(async (manager) => {
      await notify(manager, "chancery_test_news", "rolled back");
      throw new Error("roll back");
    })
    .catch(() => {});
  await eventually(() => heard.length > 0, "the committed notification");
  await db.dataSource.transaction((manager) => notify(manager, "chancery_test_news", "marker"));
  await eventually(() => heard.includes("marker"), "the marker");
  assert.deepEqual(heard, ["committed", "marker"]);
  stop();
});

test("the listening connection terminated by the database comes back, listens again and says so", async () => {
  const heard: string[] = [];
  let caughtUp = 0;
  await notifications.listen("chancery_test_again", (payload) => heard.push(payload));
  const stopReconnect = notifications.onReconnect(() => caughtUp++);
  const before = notifications.reconnects;
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = 'chancery-listen-test' AND datname = current_database()",
    );
    assert.equal(rows.length, 1, "one listening connection per process");
    await eventually(() => notifications.reconnects === before + 1 && notifications.connected, "the reconnection");
    assert.equal(caughtUp, 1, "listeners were told to catch up once");
    await admin.query("SELECT pg_notify('chancery_test_again', 'after the cut')");
    await eventually(() => heard.length > 0, "a notification after the reconnection");
    assert.deepEqual(heard, ["after the cut"]);
  } finally {
    stopReconnect();
    await admin.end();
  }
});

test("channel names are plain identifiers", async () => {
  await assert.rejects(
    notifications.listen("news; DROP TABLE meeting", () => {}),
    /not a channel name/,
  );
});
