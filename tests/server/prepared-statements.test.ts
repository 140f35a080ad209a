import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Pool } from "pg";
import { preparingClient } from "../../src/db/preparing-client";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
const pools: Pool[] = [];
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await db.drop();
});

/** One connection, so every statement runs in the same session, seeing its prepared statements. */
function onePool(limit: number): Pool {
  const pool = new Pool({ connectionString: db.url, max: 1, Client: preparingClient(limit) });
  pools.push(pool);
  return pool;
}

async function preparedTexts(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query("SELECT statement FROM pg_prepared_statements ORDER BY prepare_time");
  return rows.map((row: { statement: string }) => row.statement);
}

test("parameterized reads are prepared once per connection, at most `limit` of them; the rest run as before", async () => {
  const pool = onePool(2);
  const square = "SELECT $1::int * $1::int AS value";
  assert.equal((await pool.query(square, [3])).rows[0].value, 9);
  assert.equal((await pool.query(square, [4])).rows[0].value, 16);
  assert.deepEqual(await preparedTexts(pool), [square]);

  const cube = "WITH n(v) AS (SELECT $1::int) SELECT v * v * v AS value FROM n";
  const double = "SELECT $1::int * 2 AS value";
  assert.equal((await pool.query(cube, [2])).rows[0].value, 8);
  assert.equal((await pool.query(double, [5])).rows[0].value, 10);
  assert.equal((await pool.query(double, [6])).rows[0].value, 12);
  assert.deepEqual(await preparedTexts(pool), [square, cube]);
});

test("writes and statements without parameters are never prepared", async () => {
  const pool = onePool(10);
  await pool.query("CREATE TEMPORARY TABLE scratch (value int)");
  await pool.query("INSERT INTO scratch VALUES ($1)", [1]);
  assert.equal((await pool.query("SELECT count(*)::int AS n FROM scratch")).rows[0].n, 1);
  const texts = await preparedTexts(pool);
  assert.ok(
    texts.every((text) => !/scratch/.test(text)),
    texts.join("\n"),
  );
});

test("a statement prepared before a table's columns changed runs again unprepared, not as an error", async () => {
  const pool = onePool(10);
  await pool.query("CREATE TABLE evolving (id int PRIMARY KEY, name text)");
  await pool.query("INSERT INTO evolving VALUES (1, 'first')");
  const read = "SELECT r.* FROM evolving r WHERE r.id = $1";
  assert.deepEqual((await pool.query(read, [1])).rows, [{ id: 1, name: "first" }]);
  // What a rolling deploy's migration does while this server keeps running.
  await db.dataSource.query("ALTER TABLE evolving ADD COLUMN note text DEFAULT 'added'");
  assert.deepEqual((await pool.query(read, [1])).rows, [{ id: 1, name: "first", note: "added" }]);
  assert.deepEqual((await pool.query(read, [1])).rows, [{ id: 1, name: "first", note: "added" }]);
});
