import type { DataSource } from "typeorm";

/**
 * Generated meetings for paging and batching tests, made in SQL: `count` meetings `<prefix>-000...`, every
 * seventh without a date, dates repeating every ten meetings (so ties break by slug), titles in varying
 * languages, alternating between the coalitions given, each with `participantsEach` participants and the
 * topic `topicSlug`. States and officials are created as needed (codes `Q?`, slugs `<prefix>-official-n`).
 */
export async function insertGeneratedMeetings(
  dataSource: DataSource,
  options: {
    prefix: string;
    count: number;
    coalitions: string[];
    participantsEach?: number;
    topicSlug?: string;
    /** Gives every meeting a location in this state, an outcome and a citation of this source. */
    details?: { countryCode: string; sourceSlug: string };
  },
): Promise<void> {
  const { prefix, count, coalitions } = options;
  const participantsEach = options.participantsEach ?? 0;
  await dataSource.query(
    `INSERT INTO meeting (slug, title, date, status, coalition_id, created_at)
     SELECT $1 || '-' || lpad(i::text, 3, '0'),
            CASE WHEN i % 3 = 0 THEN jsonb_build_object('ru', 'встреча ' || chr(97 + (i * 7) % 26))
                 ELSE jsonb_build_object('en', 'meeting ' || chr(97 + (i * 11) % 26), 'fr', 'réunion') END,
            CASE WHEN i % 7 = 3 THEN NULL ELSE DATE '2026-01-01' + (i % 10) END,
            'HELD',
            (SELECT c.id FROM coalition c WHERE c.slug = ($2::text[])[1 + i % array_length($2::text[], 1)]),
            TIMESTAMPTZ '2026-02-01 00:00:00+00' + (i % 13) * INTERVAL '1 second' + i * INTERVAL '1 microsecond'
     FROM generate_series(0, $3 - 1) AS i`,
    [prefix, coalitions, count],
  );
  if (participantsEach > 0) {
    await dataSource.query(
      `INSERT INTO state (code, name) SELECT 'Q' || chr(65 + n), jsonb_build_object('en', 'State Q' || chr(65 + n))
       FROM generate_series(0, $1 - 1) AS n ON CONFLICT (code) DO NOTHING`,
      [participantsEach],
    );
    await dataSource.query(
      `INSERT INTO official (slug, name) SELECT $1 || '-official-' || n, jsonb_build_object('en', 'Official ' || n)
       FROM generate_series(0, $2 - 1) AS n`,
      [prefix, participantsEach],
    );
    await dataSource.query(
      `INSERT INTO participant (meeting_id, official_id, representing_state_id, role)
       SELECT m.id, o.id, s.id, 'PARTICIPANT' FROM meeting m
       CROSS JOIN generate_series(0, $2 - 1) AS n
       JOIN official o ON o.slug = $1 || '-official-' || n
       JOIN state s ON s.code = 'Q' || chr(65 + n)
       WHERE m.slug LIKE $1 || '-%'`,
      [prefix, participantsEach],
    );
  }
  if (options.details) await insertDetails(dataSource, prefix, options.details);
  if (options.topicSlug) {
    await dataSource.query(
      `INSERT INTO meeting_topic (meeting_id, topic_id) SELECT m.id, t.id FROM meeting m, topic t
       WHERE m.slug LIKE $1 || '-%' AND t.slug = $2`,
      [prefix, options.topicSlug],
    );
  }
}

async function insertDetails(
  dataSource: DataSource,
  prefix: string,
  details: { countryCode: string; sourceSlug: string },
): Promise<void> {
  await dataSource.query(
    `UPDATE meeting SET location_city = 'City', location_country_id = (SELECT id FROM state WHERE code = $2)
     WHERE slug LIKE $1 || '-%'`,
    [prefix, details.countryCode],
  );
  await dataSource.query(
    `INSERT INTO outcome (slug, meeting_id, kind, status, summary)
     SELECT m.slug || '-outcome', m.id, 'STATEMENT', 'AGREED', '{"en":"Agreed"}' FROM meeting m WHERE m.slug LIKE $1 || '-%'`,
    [prefix],
  );
  await dataSource.query(
    `INSERT INTO citation (source_id, meeting_id, quote)
     SELECT s.id, m.id, 'quoted' FROM meeting m, source s WHERE m.slug LIKE $1 || '-%' AND s.slug = $2`,
    [prefix, details.sourceSlug],
  );
}

/** A meeting's fields the orders look at, as stored. */
export interface MeetingSortRow {
  slug: string;
  date: string | null;
  title: string;
  createdAt: string;
  coalition: string | null;
}

/** Every meeting with its sort fields (title as `pickLocalized` chooses it; created_at at full precision). */
export async function meetingSortRows(dataSource: DataSource): Promise<MeetingSortRow[]> {
  return dataSource.query(
    `SELECT m.slug, to_char(m.date, 'YYYY-MM-DD') AS date,
            COALESCE(m.title->>'en', (SELECT e.value FROM jsonb_each_text(m.title) e ORDER BY e.key LIMIT 1)) AS title,
            to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS "createdAt", c.slug AS coalition
     FROM meeting m LEFT JOIN coalition c ON c.id = m.coalition_id`,
  );
}

/** The contract's order in TypeScript: by the key (nulls last in both directions), ties by slug ascending. */
export function expectedOrder(
  rows: MeetingSortRow[],
  field: "date" | "title" | "createdAt",
  direction: "ASC" | "DESC",
): string[] {
  const sign = direction === "ASC" ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const x = a[field];
      const y = b[field];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) {
        return (x < y ? -1 : 1) * sign;
      }
      return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
    })
    .map((row) => row.slug);
}
