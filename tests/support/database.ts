import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { loadConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { databaseUrl } from "./database-url";

/** A database of the test's own, cloned from the migrated template that `npm test` prepared. */
export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

function testEnv(): { adminUrl: string; template: string } {
  const adminUrl = process.env.CHANCERY_TEST_ADMIN_URL;
  const template = process.env.CHANCERY_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error("run the tests with `npm test` (it prepares the database template)");
  return { adminUrl, template };
}

export async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: testEnv().adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** An empty database, migrated or not (`migrated: false` gives a bare one for migration tests). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template } = testEnv();
  const name = `chancery_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(options.migrated === false ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = databaseUrl(adminUrl, name);
  // Reads run as prepared statements, as the server runs them by default (DB_PREPARED_STATEMENTS).
  const dataSource = createDataSource({ url, poolMax: 5, preparedStatements: loadConfig(process.env).dbPreparedStatements });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
