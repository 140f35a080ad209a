import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { applyMigrations, migrationsUpToDate, revertAllMigrations } from "../../src/db/migrations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let fresh: TestDatabase;
before(async () => {
  fresh = await createTestDatabase({ migrated: false });
});
after(() => fresh.drop());

async function publicTables(db: TestDatabase): Promise<string[]> {
  const rows: { table_name: string }[] = await db.dataSource.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

/**
 * What junction tables hold beyond their two keys, which have no entity to declare it on (TypeORM would drop
 * it): indexes made by migrations CountIndexes and MeetingTopicCoalition, and the coalition copy kept by the
 * latter's triggers.
 */
const JUNCTION_EXTRAS = [
  'DROP INDEX "public"."meeting_topic_topic_meeting_idx"',
  'DROP INDEX "public"."meeting_topic_coalition_topic_idx"',
  'ALTER TABLE "meeting_topic" DROP COLUMN "coalition_id"',
];

async function pendingSchemaChanges(db: TestDatabase): Promise<string[]> {
  const sql = await db.dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query).filter((query) => !JUNCTION_EXTRAS.includes(query));
}

test("a fresh database migrates up, then every migration reverts down to nothing, then up again", async () => {
  assert.equal(await migrationsUpToDate(fresh.dataSource), false);
  const applied = await applyMigrations(fresh.dataSource);
  assert.equal(applied.length, fresh.dataSource.migrations.length);
  assert.ok(applied.length >= 2);
  assert.equal(await migrationsUpToDate(fresh.dataSource), true);
  for (const table of ["state", "coalition", "meeting", "participant", "citation"]) {
    assert.ok((await publicTables(fresh)).includes(table), `table ${table} after up`);
  }

  const reverted = await revertAllMigrations(fresh.dataSource);
  assert.equal(reverted, applied.length);
  assert.deepEqual(await publicTables(fresh), ["migrations"], "down leaves only TypeORM's bookkeeping table");
  const types: unknown[] = await fresh.dataSource.query(
    "SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'",
  );
  assert.deepEqual(types, [], "down drops the enum types it created");

  assert.deepEqual(await applyMigrations(fresh.dataSource), applied, "up again after down");
  assert.equal(await migrationsUpToDate(fresh.dataSource), true);
});

test("the entities and the migrations agree: the schema builder has nothing left to do", async () => {
  const migrated = await createTestDatabase();
  try {
    assert.deepEqual(await pendingSchemaChanges(migrated), []);
  } finally {
    await migrated.drop();
  }
});
