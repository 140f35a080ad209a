/**
 * Not a test: EXPLAIN ANALYZE of what the filters compile to, at 200k meetings.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/tests/filters/explain-canonical.js [--reuse] [--drop]
 * Builds the scratch database `chancery_filter_explain` (tests/filters/explain-dataset.sql), serves it over HTTP,
 * runs the canonical question and text-filter questions, captures every SQL statement they run and prints its plan.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { loadConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { applyMigrations } from "../../src/db/migrations";
import { startServer } from "../../src/http/app";
import { createLogger } from "../../src/logger";
import { databaseUrl } from "../support/database-url";

const DATABASE = "chancery_filter_explain";

const QUESTIONS: Record<string, string> = {
  canonical: `{ coalition(slug: "coalition-of-the-willing") { meetings(filter: { topics: ["troop-deployment"] }, first: 20) { totalCount
      nodes { slug title date format location { city country { code } } participants { official { name } representing { code } role }
              topics { slug } outcomes { kind summary } sources { source { publisher url } quote } } } } }`,
  rootTopicsDateDesc: `{ meetings(filter: { coalitions: ["coalition-of-the-willing"], topics: ["troop-deployment"] }, first: 20) { nodes { slug date } } }`,
  textFilter: `{ meetings(filter: { text: "ceasefire" }, first: 20) { totalCount nodes { slug date } } }`,
  russianTextWithCoalition: `{ meetings(filter: { text: "гарантиям", coalitions: ["coalition-of-the-willing"] }, first: 20) { nodes { slug } } }`,
  nested: `{ meetings(filter: { or: [{ states: ["AB"], minSources: 2 }, { not: { formats: [IN_PERSON] }, from: "2025-01-01" }] }, first: 20) { nodes { slug } } }`,
  counts: `{ meetingCounts(filter: { topics: ["security-guarantees"] }, by: [YEAR, LEVEL]) { count year level } }`,
  search: `{ search(query: "ceasefire monitoring", first: 20) { totalCount nodes { rank snippet } } }`,
};

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function buildDataset(adminUrl: string, url: string): Promise<void> {
  await admin(adminUrl, `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin(adminUrl, `CREATE DATABASE "${DATABASE}"`);
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  try {
    await applyMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const started = Date.now();
  // A plain client: the app's pool has a statement timeout, and the bulk load takes longer.
  await admin(url, readFileSync(path.resolve(__dirname, "../../../tests/filters/explain-dataset.sql"), "utf8"));
  console.log(`dataset built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface Captured {
  sql: string;
  parameters: unknown[];
}

function captureQueries(dataSource: DataSource, captured: Captured[]): void {
  const original = dataSource.query.bind(dataSource);
  dataSource.query = ((sql: string, parameters?: unknown[]) => {
    captured.push({ sql, parameters: parameters ?? [] });
    return original(sql, parameters);
  }) as DataSource["query"];
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("set DATABASE_URL to a PostgreSQL the script may create a database in");
  const url = databaseUrl(adminUrl, DATABASE);
  if (!process.argv.includes("--reuse")) await buildDataset(adminUrl, url);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, PORT: "0", LOG_LEVEL: "error" });
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  const captured: Captured[] = [];
  captureQueries(dataSource, captured);
  const server = await startServer({ config, dataSource, log: createLogger("error") }, 0);
  try {
    for (const [name, query] of Object.entries(QUESTIONS)) await explainQuestion(server.url, dataSource, captured, name, query);
  } finally {
    await server.close();
    await dataSource.destroy();
  }
  if (process.argv.includes("--drop")) await admin(adminUrl, `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
}

async function explainQuestion(
  url: string,
  dataSource: DataSource,
  captured: Captured[],
  name: string,
  query: string,
): Promise<void> {
  const post = () =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  await (await post()).json();
  captured.length = 0;
  const timings: number[] = [];
  let body: unknown;
  for (let round = 0; round < 5; round += 1) {
    captured.length = 0;
    const started = process.hrtime.bigint();
    body = await (await post()).json();
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const statements = [...captured];
  timings.sort((a, b) => a - b);
  console.log(
    `\n######## ${name}: ${statements.length} SQL statements, HTTP median ${timings[2].toFixed(1)} ms (min ${timings[0].toFixed(1)})`,
  );
  const errors = (body as { errors?: unknown[] }).errors;
  if (errors) console.log("ERRORS", JSON.stringify(errors));
  for (const statement of statements) {
    const plan: { "QUERY PLAN": string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
      statement.parameters,
    );
    const runs: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const started = process.hrtime.bigint();
      await dataSource.query(statement.sql, statement.parameters);
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    console.log(
      `\n--- [best of 3 without EXPLAIN: ${Math.min(...runs).toFixed(1)} ms] ${statement.sql.replace(/\s+/g, " ").slice(0, 300)}`,
    );
    console.log(plan.map((row) => row["QUERY PLAN"]).join("\n"));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
