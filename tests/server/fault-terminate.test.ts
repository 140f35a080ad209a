import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type LoggedServer, startLoggedServer } from "./server-harness";

/**
 * Cuts every database connection of a running server (pg_terminate_backend) while writes go through
 * its pool: the server recovers by itself and every acknowledged write is there afterwards.
 */
let db: TestDatabase;
let dataSource: DataSource;
let server: LoggedServer;

before(async () => {
  db = await createTestDatabase();
  dataSource = createDataSource({ url: db.url, poolMax: 6, applicationName: "chancery-fault-terminate" });
  await dataSource.initialize();
  server = await startLoggedServer(dataSource);
});
after(async () => {
  await server?.close();
  await dataSource?.destroy();
  await db?.drop();
});

interface StateAnswer {
  data?: { state: { code: string } | null };
  errors?: { extensions?: { code?: string } }[];
}

async function readState(code: string): Promise<StateAnswer> {
  const response = await server.post({ query: "query ($code: String!) { state(code: $code) { code } }", variables: { code } });
  return (await response.json()) as StateAnswer;
}

async function terminateServerBackends(): Promise<number> {
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    const result = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
      ["chancery-fault-terminate"],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** Two-letter codes AA, AB, ... (the state table's CHECK wants ^[A-Z]{2}$). */
function stateCode(index: number): string {
  return String.fromCharCode(65 + Math.floor(index / 26), 65 + (index % 26));
}

test("after every backend is terminated mid-run, requests succeed again and no acknowledged write is lost", async () => {
  // Fill the pool: several connections open at once.
  await Promise.all(Array.from({ length: 6 }, () => readState("FR")));

  const acknowledged: string[] = [];
  const failedWrites: unknown[] = [];
  let terminated = 0;
  const writer = async (first: number) => {
    for (let index = first; index < first + 12; index += 1) {
      const code = stateCode(index);
      try {
        await dataSource.query(`INSERT INTO "state" ("code", "name") VALUES ($1, $2)`, [code, { en: `State ${code}` }]);
        acknowledged.push(code);
      } catch (error) {
        failedWrites.push(`${code}: ${error}`);
      }
      if (acknowledged.length >= 15 && terminated === 0) {
        terminated = -1;
        terminated = await terminateServerBackends();
      }
    }
  };
  await Promise.all([0, 12, 24, 36].map(writer));
  assert.ok(terminated > 0, "backends were terminated mid-run");

  const afterwards: StateAnswer[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) afterwards.push(await readState(stateCode(0)));
  const failures = afterwards.filter((answer) => answer.errors !== undefined);
  assert.ok(failures.length <= 1, `${failures.length} failures after the cut: ${JSON.stringify(failures)}`);
  for (const failure of failures) assert.equal(failure.errors?.[0]?.extensions?.code, "SERVICE_UNAVAILABLE");
  assert.deepEqual(afterwards.at(-1)?.data, { state: { code: "AA" } });

  for (const code of acknowledged) {
    const answer = await readState(code);
    assert.deepEqual(answer.data, { state: { code } }, `acknowledged write ${code} is readable`);
  }
  const stored: { code: string }[] = await dataSource.query(`SELECT "code" FROM "state"`);
  const storedCodes = new Set(stored.map((row) => row.code));
  assert.deepEqual(
    acknowledged.filter((code) => !storedCodes.has(code)),
    [],
  );
  // Once the cut is over, writes through the same pool go through again.
  for (const code of [48, 49, 50, 51].map(stateCode)) {
    await dataSource.query(`INSERT INTO "state" ("code", "name") VALUES ($1, $2)`, [code, { en: `State ${code}` }]);
    assert.deepEqual((await readState(code)).data, { state: { code } }, `failed during the cut: ${failedWrites.join(" / ")}`);
  }
});
