import type { DataSource } from "typeorm";

/** Records for filter tests, keyed by human keys like the contract's bundles, inserted in bulk (one statement per table). */
export type Text = Record<string, string>;

export interface FixtureRecords {
  states?: { code: string; name: Text }[];
  topics?: { slug: string; name: Text; parent?: string }[];
  coalitions?: {
    slug: string;
    name: Text;
    foundedOn?: string;
    members?: { state: string; role?: string; since?: string; until?: string }[];
  }[];
  officials?: { slug: string; name: Text; positions?: { title: Text; state?: string; since?: string; until?: string }[] }[];
  sources?: { slug: string; kind: string; title: Text; publisher?: string; language?: string; publishedAt?: string }[];
  meetings?: FixtureMeeting[];
  statements?: { official: string; meeting?: string; text: string; lang: string; madeOn?: string; source?: string }[];
}

export interface FixtureMeeting {
  slug: string;
  title: Text;
  summary?: Text;
  date?: string | null;
  datePrecision?: "DAY" | "MONTH" | "YEAR";
  status: string;
  format?: string | null;
  level?: string | null;
  locatedIn?: string | null;
  city?: string;
  coalition?: string | null;
  topics?: string[];
  participants?: { official: string; state?: string }[];
  sources?: string[];
  outcomes?: {
    slug: string;
    kind: string;
    status: string;
    summary: Text;
    topics?: string[];
    parties?: string[];
    sources?: string[];
  }[];
  createdAt?: string;
}

async function insertJson(dataSource: DataSource, sql: string, rows: unknown[]): Promise<void> {
  if (rows.length > 0) await dataSource.query(sql, [JSON.stringify(rows)]);
}

/** Inserts the records; topics must list parents before children. */
export async function insertFixture(dataSource: DataSource, records: FixtureRecords): Promise<void> {
  await insertJson(
    dataSource,
    `INSERT INTO state (code, name) SELECT code, name FROM jsonb_to_recordset($1::jsonb) AS r(code text, name jsonb)`,
    records.states ?? [],
  );
  for (const topic of records.topics ?? []) {
    await dataSource.query(`INSERT INTO topic (slug, name, parent_id) VALUES ($1, $2, (SELECT id FROM topic WHERE slug = $3))`, [
      topic.slug,
      topic.name,
      topic.parent ?? null,
    ]);
  }
  await insertJson(
    dataSource,
    `INSERT INTO coalition (slug, name, founded_on) SELECT slug, name, "foundedOn" FROM jsonb_to_recordset($1::jsonb) AS r(slug text, name jsonb, "foundedOn" date)`,
    records.coalitions ?? [],
  );
  await insertJson(
    dataSource,
    `INSERT INTO membership (coalition_id, state_id, role, since, until)
     SELECT c.id, s.id, coalesce(r.role, 'MEMBER'), r.since, r.until FROM jsonb_to_recordset($1::jsonb) AS r(coalition text, state text, role text, since date, until date)
     JOIN coalition c ON c.slug = r.coalition JOIN state s ON s.code = r.state`,
    (records.coalitions ?? []).flatMap((coalition) =>
      (coalition.members ?? []).map((member) => ({ ...member, coalition: coalition.slug })),
    ),
  );
  await insertJson(
    dataSource,
    `INSERT INTO official (slug, name) SELECT slug, name FROM jsonb_to_recordset($1::jsonb) AS r(slug text, name jsonb)`,
    records.officials ?? [],
  );
  await insertJson(
    dataSource,
    `INSERT INTO position (official_id, title, state_id, since, until)
     SELECT o.id, r.title, s.id, r.since, r.until FROM jsonb_to_recordset($1::jsonb) AS r(official text, title jsonb, state text, since date, until date)
     JOIN official o ON o.slug = r.official LEFT JOIN state s ON s.code = r.state`,
    (records.officials ?? []).flatMap((official) =>
      (official.positions ?? []).map((position) => ({ ...position, official: official.slug })),
    ),
  );
  await insertJson(
    dataSource,
    `INSERT INTO source (slug, kind, title, publisher, language, published_at)
     SELECT slug, kind, title, publisher, language, "publishedAt" FROM jsonb_to_recordset($1::jsonb) AS r(slug text, kind text, title jsonb, publisher text, language text, "publishedAt" timestamptz)`,
    records.sources ?? [],
  );
  await insertMeetings(dataSource, records.meetings ?? []);
  await insertJson(
    dataSource,
    `INSERT INTO statement (official_id, meeting_id, text, lang, made_on, source_id)
     SELECT o.id, m.id, r.text, r.lang, r."madeOn", s.id FROM jsonb_to_recordset($1::jsonb) AS r(official text, meeting text, text text, lang text, "madeOn" date, source text)
     JOIN official o ON o.slug = r.official LEFT JOIN meeting m ON m.slug = r.meeting LEFT JOIN source s ON s.slug = r.source`,
    records.statements ?? [],
  );
}

async function insertMeetings(dataSource: DataSource, meetings: FixtureMeeting[]): Promise<void> {
  await insertJson(
    dataSource,
    `INSERT INTO meeting (slug, title, summary, date, date_precision, status, format, level, location_city, location_country_id, coalition_id, created_at)
     SELECT r.slug, r.title, r.summary, r.date, coalesce(r."datePrecision", 'DAY'), r.status, r.format, r.level, r.city, s.id, c.id, coalesce(r."createdAt", now())
     FROM jsonb_to_recordset($1::jsonb) AS r(slug text, title jsonb, summary jsonb, date date, "datePrecision" text, status text, format text, level text, city text, "locatedIn" text, coalition text, "createdAt" timestamptz)
     LEFT JOIN state s ON s.code = r."locatedIn" LEFT JOIN coalition c ON c.slug = r.coalition`,
    meetings,
  );
  const pairs = <T>(pick: (meeting: FixtureMeeting) => T[] | undefined) =>
    meetings.flatMap((meeting) => (pick(meeting) ?? []).map((item) => ({ meeting: meeting.slug, item })));
  await insertJson(
    dataSource,
    `INSERT INTO meeting_topic (meeting_id, topic_id) SELECT m.id, t.id FROM jsonb_to_recordset($1::jsonb) AS r(meeting text, item text)
     JOIN meeting m ON m.slug = r.meeting JOIN topic t ON t.slug = r.item`,
    pairs((meeting) => meeting.topics),
  );
  await insertJson(
    dataSource,
    `INSERT INTO participant (meeting_id, official_id, representing_state_id) SELECT m.id, o.id, s.id FROM jsonb_to_recordset($1::jsonb) AS r(meeting text, item jsonb)
     JOIN meeting m ON m.slug = r.meeting JOIN official o ON o.slug = r.item->>'official' LEFT JOIN state s ON s.code = r.item->>'state'`,
    pairs((meeting) => meeting.participants),
  );
  await insertJson(
    dataSource,
    `INSERT INTO citation (meeting_id, source_id) SELECT m.id, s.id FROM jsonb_to_recordset($1::jsonb) AS r(meeting text, item text)
     JOIN meeting m ON m.slug = r.meeting JOIN source s ON s.slug = r.item`,
    pairs((meeting) => meeting.sources),
  );
  const outcomes = meetings.flatMap((meeting) =>
    (meeting.outcomes ?? []).map((outcome) => ({ ...outcome, meeting: meeting.slug })),
  );
  await insertJson(
    dataSource,
    `INSERT INTO outcome (slug, meeting_id, kind, status, summary) SELECT r.slug, m.id, r.kind, r.status, r.summary
     FROM jsonb_to_recordset($1::jsonb) AS r(slug text, meeting text, kind text, status text, summary jsonb) JOIN meeting m ON m.slug = r.meeting`,
    outcomes,
  );
  const outcomePairs = (pick: (outcome: (typeof outcomes)[number]) => string[] | undefined) =>
    outcomes.flatMap((outcome) => (pick(outcome) ?? []).map((item) => ({ outcome: outcome.slug, item })));
  await insertJson(
    dataSource,
    `INSERT INTO outcome_topic (outcome_id, topic_id) SELECT o.id, t.id FROM jsonb_to_recordset($1::jsonb) AS r(outcome text, item text)
     JOIN outcome o ON o.slug = r.outcome JOIN topic t ON t.slug = r.item`,
    outcomePairs((outcome) => outcome.topics),
  );
  await insertJson(
    dataSource,
    `INSERT INTO outcome_party (outcome_id, state_id) SELECT o.id, s.id FROM jsonb_to_recordset($1::jsonb) AS r(outcome text, item text)
     JOIN outcome o ON o.slug = r.outcome JOIN state s ON s.code = r.item`,
    outcomePairs((outcome) => outcome.parties),
  );
  await insertJson(
    dataSource,
    `INSERT INTO citation (outcome_id, source_id) SELECT o.id, s.id FROM jsonb_to_recordset($1::jsonb) AS r(outcome text, item text)
     JOIN outcome o ON o.slug = r.outcome JOIN source s ON s.slug = r.item`,
    outcomePairs((outcome) => outcome.sources),
  );
}
