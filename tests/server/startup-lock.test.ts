import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import pino from "pino";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { applyMigrations, STARTUP_LOCK_KEY } from "../../src/db/migrations";
import { seedIfEmpty } from "../../src/import/seed";
import { createLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";

const INSTANCES = 10;

let empty: TestDatabase;
let instances: DataSource[] = [];
before(async () => {
  empty = await createTestDatabase({ migrated: false });
  // One pool of one connection per instance: the lock, the migrations and the seed share it.
  instances = Array.from({ length: INSTANCES }, () => createDataSource({ url: empty.url, poolMax: 1 }));
  await Promise.all(instances.map((dataSource) => dataSource.initialize()));
});
after(async () => {
  await Promise.all(instances.map((dataSource) => dataSource.destroy()));
  await empty.drop();
});

/** What `npm start` does before it serves: migrate, then load the demo records into an empty database. */
async function startUp(dataSource: DataSource): Promise<{ applied: string[]; seeded: boolean }> {
  const log = createLogger("silent");
  const applied = await applyMigrations(dataSource, log);
  const seeded = (await seedIfEmpty(dataSource, log)) !== null;
  return { applied, seeded };
}

test("ten instances starting at once on an empty database all come up; each migration ran once, the demo records were loaded once", async () => {
  const outcomes = await Promise.allSettled(instances.map(startUp));
  const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [String(outcome.reason)] : []));
  assert.deepEqual(failures, []);
  const results = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));

  const migrationCount = empty.dataSource.migrations.length;
  const migrating = results.filter((result) => result.applied.length > 0);
  assert.equal(migrating.length, 1, "one instance migrated");
  assert.equal(migrating[0].applied.length, migrationCount);
  const rows: { name: string; times: number }[] = await empty.dataSource.query(
    `SELECT name, count(*)::int AS times FROM migrations GROUP BY name ORDER BY name`,
  );
  assert.equal(rows.length, migrationCount);
  assert.deepEqual(
    rows.filter((row) => row.times !== 1),
    [],
    "no migration recorded twice",
  );

  assert.equal(results.filter((result) => result.seeded).length, 1, "one instance seeded");
  const [{ meetings, creations }]: { meetings: number; creations: number }[] = await empty.dataSource.query(
    `SELECT (SELECT count(*)::int FROM meeting) AS meetings,
            (SELECT count(*)::int FROM record_change WHERE record_type = 'Meeting') AS creations`,
  );
  assert.deepEqual({ meetings, creations }, { meetings: 7, creations: 7 });
});

test("an instance waits for the lock beyond its statement and lock timeouts, says so, then finds nothing to do", async () => {
  const holder = new Client({ connectionString: empty.url });
  await holder.connect();
  const impatient = createDataSource({ url: empty.url, poolMax: 1, statementTimeoutMs: 100, lockTimeoutMs: 50 });
  await impatient.initialize();
  try {
    await holder.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    const messages: string[] = [];
    let sawWaiting: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => {
      sawWaiting = resolve;
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const { msg } = JSON.parse(chunk.toString("utf8")) as { msg: string };
        messages.push(msg);
        if (msg.includes("waiting")) sawWaiting();
        done();
      },
    });
    const migrating = applyMigrations(impatient, pino({ level: "info" }, sink));
    await Promise.race([waiting, migrating.then(() => assert.fail("migrated while another instance held the lock"))]);
    // Longer than both timeouts: the wait is not cut off by them.
    await sleep(300);
    await holder.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
    assert.deepEqual(await migrating, []);
    assert.deepEqual(messages, ["another instance is migrating or seeding: waiting for it"]);
  } finally {
    await holder.end();
    await impatient.destroy();
  }
});
