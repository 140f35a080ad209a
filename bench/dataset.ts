/**
 * The benchmark's synthetic world, deterministic for a given scale and loaded with set-based SQL
 * (generate_series, no randomness: every choice is arithmetic on the row number). Scale 1 is 20k
 * meetings with 6 participants, 3 topics, 2 outcomes and 1-2 citations each, 5k officials with 1-2 positions.
 */
import { Client } from "pg";
import { createDataSource } from "../src/db/data-source";
import { applyMigrations } from "../src/db/migrations";

export const DATASET_VERSION = 5;
export const STATE_COUNT = 60;
export const COALITION_COUNT = 20;
/** Words that appear in meeting titles only, about 13 meetings each at every scale (W4 searches them). */
export const codewordsPerScale = 1500;

export interface DatasetSize {
  meetings: number;
  officials: number;
  sources: number;
  codewords: number;
}

export function datasetSize(scale: number): DatasetSize {
  const times = (n: number) => Math.max(1, Math.round(n * scale));
  return { meetings: times(20_000), officials: times(5_000), sources: times(2_000), codewords: times(codewordsPerScale) };
}

/** A pronounceable, stemmer-stable word for number n (same function in SQL below). */
export function codeword(n: number): string {
  const syllables = ["ba", "ko", "ri", "tu", "ze", "mo", "ka", "li", "nu", "pa"];
  let word = "";
  let rest = n;
  for (let i = 0; i < 5; i += 1) {
    word += syllables[rest % 10];
    rest = Math.floor(rest / 10);
  }
  return `q${word}x`;
}

const CODEWORD_SQL = (n: string) =>
  `'q' || (SELECT string_agg((ARRAY['ba','ko','ri','tu','ze','mo','ka','li','nu','pa'])[((${n}) / (10 ^ i)::int) % 10 + 1], '' ORDER BY i) FROM generate_series(0, 4) AS i) || 'x'`;

function loadStatements(size: DatasetSize): string[] {
  const { meetings: M, officials: O, sources: S, codewords: W } = size;
  return [
    `INSERT INTO state (code, name)
       SELECT chr(65 + (n - 1) / 26) || chr(65 + (n - 1) % 26), jsonb_build_object('en', 'State ' || n, 'ru', 'Государство ' || n)
       FROM generate_series(1, ${STATE_COUNT}) AS n`,
    `INSERT INTO topic (slug, name, parent_id)
       SELECT CASE n WHEN 1 THEN 'security-guarantees' ELSE 'topic-' || lpad(n::text, 2, '0') END,
              jsonb_build_object('en', 'Topic ' || n), NULL FROM generate_series(1, 10) AS n`,
    `INSERT INTO topic (slug, name, parent_id)
       SELECT CASE n WHEN 11 THEN 'troop-deployment' ELSE 'topic-' || lpad(n::text, 2, '0') END,
              jsonb_build_object('en', 'Topic ' || n), 1 + (n - 11) / 5 FROM generate_series(11, 60) AS n`,
    `INSERT INTO topic (slug, name, parent_id) VALUES ('rotation', '{"en":"Rotation"}', 11)`,
    `INSERT INTO coalition (slug, name, founded_on)
       SELECT 'coalition-' || lpad(n::text, 2, '0'), jsonb_build_object('en', 'Coalition ' || n), DATE '2015-01-01' + n
       FROM generate_series(1, ${COALITION_COUNT}) AS n`,
    `INSERT INTO membership (coalition_id, state_id, role, since)
       SELECT c, s, CASE WHEN s % 7 = 0 THEN 'PARTNER' ELSE 'MEMBER' END, DATE '2015-01-01' + s
       FROM generate_series(1, ${COALITION_COUNT}) AS c, generate_series(1, ${STATE_COUNT}) AS s WHERE (c + s) % 3 = 0`,
    `INSERT INTO official (slug, name)
       SELECT 'official-' || lpad(n::text, 6, '0'), jsonb_build_object('en', 'Official ' || n) FROM generate_series(1, ${O}) AS n`,
    `INSERT INTO position (official_id, title, state_id, since)
       SELECT n, '{"en":"Minister"}', 1 + n % ${STATE_COUNT}, DATE '2015-01-01' + n % 3000 FROM generate_series(1, ${O}) AS n`,
    `INSERT INTO position (official_id, title, organization, state_id, since, until)
       SELECT n, '{"en":"Ambassador"}', '{"en":"Foreign service"}', 1 + (n * 7) % ${STATE_COUNT},
              DATE '2010-01-01' + n % 1500, DATE '2014-12-31'
       FROM generate_series(1, ${O}) AS n WHERE n % 3 = 0`,
    `INSERT INTO source (slug, kind, title, publisher, url, language, published_at)
       SELECT 'source-' || lpad(n::text, 6, '0'),
              (ARRAY['NEWS_ARTICLE','SOCIAL_POST','OFFICIAL_STATEMENT','COMMUNIQUE','TRANSCRIPT','OTHER'])[1 + n % 6],
              jsonb_build_object('en', 'Source ' || n), 'Publisher ' || (1 + n % 40), 'https://example.org/sources/' || n, 'en',
              TIMESTAMPTZ '2015-01-01T00:00:00Z' + make_interval(days => n % 4000)
       FROM generate_series(1, ${S}) AS n`,
    `INSERT INTO meeting (slug, title, date, date_precision, status, format, level, location_city, location_country_id, coalition_id, summary)
       SELECT 'meeting-' || lpad(n::text, 7, '0'),
              jsonb_build_object('en', 'Meeting ' || n || ' on ' || ${CODEWORD_SQL(`n % ${W}`)}, 'ru', 'Встреча ' || n),
              CASE WHEN n % 50 = 0 THEN NULL ELSE DATE '2015-01-01' + (n * 7919) % 4000 END,
              'DAY',
              (ARRAY['HELD','HELD','HELD','PLANNED','CANCELLED','POSTPONED'])[1 + n % 6],
              (ARRAY['IN_PERSON','VIDEO_CONFERENCE','HYBRID','PHONE_CALL'])[1 + n % 4],
              (ARRAY['HEADS_OF_STATE','MINISTERS','CHIEFS_OF_DEFENCE','SENIOR_OFFICIALS','EXPERTS'])[1 + (n / 3) % 5],
              'City ' || (1 + n % 200), 1 + (n * 13) % ${STATE_COUNT},
              CASE WHEN n % 10 = 0 THEN NULL ELSE 1 + ((n - n / 10 - 1) * 7) % ${COALITION_COUNT} END,
              jsonb_build_object('en', 'Summary of meeting ' || n || ': talks went on.')
       FROM generate_series(1, ${M}) AS n ORDER BY n`,
    `INSERT INTO participant (meeting_id, official_id, representing_state_id, role, attendance)
       SELECT m, o, 1 + o % ${STATE_COUNT}, CASE k WHEN 0 THEN 'HOST' WHEN 5 THEN 'OBSERVER' ELSE 'PARTICIPANT' END,
              CASE WHEN (m + k) % 3 = 0 THEN 'REMOTE' ELSE 'IN_PERSON' END
       FROM generate_series(1, ${M}) AS m, generate_series(0, 5) AS k, LATERAL (SELECT 1 + (m * 13 + k * 811) % ${O} AS o) AS chosen`,
    `INSERT INTO meeting_topic (meeting_id, topic_id)
       SELECT m, 1 + (m * 7 + k * 17) % 61 FROM generate_series(1, ${M}) AS m, generate_series(0, 2) AS k`,
    `INSERT INTO outcome (slug, meeting_id, kind, status, summary)
       SELECT 'outcome-' || lpad(m::text, 7, '0') || '-' || k, m,
              (ARRAY['STATEMENT','DECISION','AGREEMENT','COMMITMENT','FOLLOW_UP'])[1 + (m + k) % 5],
              (ARRAY['PROPOSED','AGREED','IN_PROGRESS','COMPLETED','ABANDONED'])[1 + (m * 3 + k) % 5],
              jsonb_build_object('en', 'Outcome ' || k || ' of meeting ' || m)
       FROM generate_series(1, ${M}) AS m, generate_series(1, 2) AS k ORDER BY m, k`,
    `INSERT INTO citation (source_id, quote, quote_lang, meeting_id)
       SELECT 1 + (m * 3 + k * 101) % ${S}, CASE WHEN k = 0 THEN 'Quote about meeting ' || m END, CASE WHEN k = 0 THEN 'en' END, m
       FROM generate_series(1, ${M}) AS m, generate_series(0, 1) AS k WHERE k = 0 OR m % 2 = 0`,
  ];
}

/** PostGraphile's way to the same answers where it has no built-in: SQL functions it exposes as root fields. */
const POSTGRAPHILE_FUNCTIONS = [
  "CREATE SCHEMA bench",
  `CREATE TYPE bench.month_topic_count AS (month text, topic_slug text, count int)`,
  `CREATE FUNCTION bench.meeting_counts_by_month_topic(coalition text, since date) RETURNS SETOF bench.month_topic_count
     LANGUAGE sql STABLE AS $$
       SELECT to_char(m.date, 'YYYY-MM'), t.slug, count(*)::int
       FROM meeting m JOIN coalition c ON c.id = m.coalition_id JOIN meeting_topic mt ON mt.meeting_id = m.id JOIN topic t ON t.id = mt.topic_id
       WHERE c.slug = coalition AND m.date >= since
       GROUP BY 1, 2 ORDER BY 1, 2
     $$`,
  `CREATE FUNCTION bench.search_meetings(q text) RETURNS SETOF meeting
     LANGUAGE sql STABLE AS $$
       SELECT m.* FROM meeting m
       WHERE (localized_tsvector(m.title) || localized_tsvector(m.summary)) @@ localized_tsquery(q)
       ORDER BY ts_rank(localized_tsvector(m.title) || localized_tsvector(m.summary), localized_tsquery(q)) DESC, m.slug
     $$`,
];

/** Runs one statement on a connection of its own (CREATE/DROP DATABASE cannot run in a transaction or pool). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function loadedVersion(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const rows = await client.query("SELECT value FROM bench.meta WHERE key = 'dataset'");
    return rows.rows[0]?.value ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function migrate(url: string): Promise<string[]> {
  const dataSource = createDataSource({ url, statementTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    return await applyMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function vacuumAnalyze(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

/**
 * The database `chancery_bench_s<scale>` on the server at adminUrl, created, migrated and loaded
 * unless it already holds this dataset version (`reload` forces a fresh one). Returns its URL.
 */
export async function prepareDataset(
  adminUrl: string,
  scale: number,
  reload: boolean,
  say: (line: string) => void,
): Promise<string> {
  const name = `chancery_bench_s${String(scale).replace(".", "_")}`;
  const url = databaseUrl(adminUrl, name);
  const marker = `v${DATASET_VERSION} scale ${scale}`;
  if (!reload && (await loadedVersion(url)) === marker) {
    // Migrations added since the load only add tables, columns or indexes: apply them and keep the rows; a
    // vacuum then lets the new columns' indexes answer without reading the table (index-only scans).
    const applied = await migrate(url);
    if (applied.length > 0) await vacuumAnalyze(url);
    say(`dataset: reusing ${name} (${marker})${applied.length > 0 ? `, applied ${applied.join(", ")}` : ""}`);
    return url;
  }
  const startedAt = Date.now();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  await migrate(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const sql of loadStatements(datasetSize(scale))) await client.query(sql);
    for (const sql of POSTGRAPHILE_FUNCTIONS) await client.query(sql);
    await client.query("CREATE TABLE bench.meta (key text PRIMARY KEY, value text NOT NULL)");
    await client.query("INSERT INTO bench.meta VALUES ('dataset', $1)", [marker]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  await vacuumAnalyze(url);
  say(`dataset: loaded ${name} (${marker}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return url;
}
