import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createApiKey } from "../../src/auth/api-keys";
import { Role } from "../../src/auth/role";
import { createDataSource } from "../../src/db/data-source";
import { IMPORT_LOCK_KEY } from "../../src/import/import-bundle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type LoggedServer, startLoggedServer } from "./server-harness";

/**
 * Cuts the database connection of an import (pg_terminate_backend) at the two moments it can be cut: while a
 * statement runs (the import waits for the import lock, which the test holds), and between two statements (the
 * backend idle in the import's transaction). The client hears SERVICE_UNAVAILABLE every time, never an internal
 * error. Before, a cut between statements surfaced as TypeORM's "Query runner already released" (3 rounds in 8
 * here), and a failed rollback could replace the connection's error with the same.
 */
const APPLICATION = "chancery-fault-import";
let db: TestDatabase;
let dataSource: DataSource;
let server: LoggedServer;
let editor: Record<string, string>;

before(async () => {
  db = await createTestDatabase();
  dataSource = createDataSource({ url: db.url, poolMax: 4, applicationName: APPLICATION });
  await dataSource.initialize();
  server = await startLoggedServer(dataSource, { RATE_LIMIT_REQUESTS: "0" });
  const { secret } = await createApiKey(dataSource, { role: Role.EDITOR, label: "importer" });
  editor = { authorization: `Bearer ${secret}` };
});
after(async () => {
  await server?.close();
  await dataSource?.destroy();
  await db?.drop();
});

interface ImportAnswer {
  data?: { importRecords: { created: number } } | null;
  errors?: { extensions?: { code?: string; retryable?: boolean } }[];
}

function importState(code: string, topics = 0): Promise<ImportAnswer> {
  const bundle = {
    states: [{ code, name: `State ${code}` }],
    topics: Array.from({ length: topics }, (_, index) => ({
      slug: `topic-${code.toLowerCase()}-${index}`,
      name: `Topic ${index}`,
    })),
  };
  const query = "mutation ($b: JSON!) { importRecords(bundle: $b) { created } }";
  return server.post({ query, variables: { b: bundle } }, editor).then((response) => response.json() as Promise<ImportAnswer>);
}

/** The pid of the server's backend that waits for the import lock, once it waits (polled; no time is asserted). */
async function importWaitingForLock(admin: Client): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE application_name = $1 AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'`,
      [APPLICATION],
    );
    if (rows.length > 0) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the import never waited for the lock");
}

test("an import whose connection is cut while it waits answers SERVICE_UNAVAILABLE, every time", async () => {
  const holder = new Client({ connectionString: db.url });
  await holder.connect();
  try {
    for (let round = 0; round < 8; round += 1) {
      await holder.query("SELECT pg_advisory_lock($1)", [IMPORT_LOCK_KEY]);
      const answer = importState(`Q${String.fromCharCode(65 + round)}`);
      const pid = await importWaitingForLock(holder);
      await holder.query("SELECT pg_terminate_backend($1)", [pid]);
      const body = await answer;
      await holder.query("SELECT pg_advisory_unlock($1)", [IMPORT_LOCK_KEY]);
      assert.equal(body.data?.importRecords ?? null, null, `round ${round}: ${JSON.stringify(body)}`);
      assert.deepEqual(
        body.errors?.map((error) => [error.extensions?.code, error.extensions?.retryable]),
        [["SERVICE_UNAVAILABLE", true]],
        `round ${round}: ${JSON.stringify(body)}`,
      );
    }
  } finally {
    await holder.end();
  }
  const states: { code: string }[] = await dataSource.query(`SELECT code FROM "state" WHERE code LIKE 'Q%'`);
  assert.deepEqual(states, [], "no cut import wrote anything");
  assert.deepEqual((await importState("QZ")).data, { importRecords: { created: 1 } }, "imports work again");
  assert.deepEqual(
    server.logs.filter((line) => line.level >= 50),
    [],
    "a lost connection is logged as a database failure (warn), not as an internal error",
  );
});

/** The pid of the server's backend once it sits idle inside the import's transaction, between two statements. */
async function importBetweenStatements(admin: Client): Promise<number> {
  for (let attempt = 0; attempt < 5000; attempt += 1) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'`,
      [APPLICATION],
    );
    if (rows.length > 0) return rows[0].pid;
  }
  throw new Error("the import was never seen between two statements");
}

test("an import whose connection is cut between two statements answers SERVICE_UNAVAILABLE, every time", async () => {
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    for (let round = 0; round < 8; round += 1) {
      const answer = importState(`R${String.fromCharCode(65 + round)}`, 300);
      await admin.query("SELECT pg_terminate_backend($1)", [await importBetweenStatements(admin)]);
      const body = await answer;
      assert.deepEqual(
        body.errors?.map((error) => [error.extensions?.code, error.extensions?.retryable]),
        [["SERVICE_UNAVAILABLE", true]],
        `round ${round}: ${JSON.stringify(body)} ${JSON.stringify(server.logs.filter((line) => line.level >= 50))}`,
      );
    }
  } finally {
    await admin.end();
  }
});
