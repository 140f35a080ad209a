import type { EntityManager } from "typeorm";
import type { RecordTypeName } from "../entities/record-tables";

/**
 * Snapshots of one record as the change history stores them: the record-bundle shape of API.md
 * ("Record bundles"), references by human key, nested memberships/positions/participants/citations
 * included (a meeting's outcomes too, as the bundle nests them), so the `before` of a State, Source, Topic,
 * Coalition, Official, Meeting or Statement entry can be re-imported to revert a change (an Outcome's entry
 * adds `meeting`; revert it through its meeting's entry). Each is one SQL statement.
 */

/** Citations of one fact, as bundle citation objects, in a stable order. `subject` is a whitelisted column. */
function citationsOf(subject: string, idExpression: string): string {
  return `coalesce((SELECT jsonb_agg(jsonb_build_object('source', so.slug, 'quote', ci.quote, 'quoteLang', ci.quote_lang)
      ORDER BY so.slug, ci.id) FROM citation ci JOIN source so ON so.id = ci.source_id WHERE ci.${subject} = ${idExpression}), '[]'::jsonb)`;
}

/** An outcome (alias `oc`, its follow-up meeting `fm`) as the bundle nests it in its meeting. */
const OUTCOME_OBJECT = `jsonb_build_object('slug', oc.slug, 'kind', oc.kind, 'status', oc.status, 'summary', oc.summary,
      'topics', coalesce((SELECT jsonb_agg(t.slug ORDER BY t.slug) FROM outcome_topic ot JOIN topic t ON t.id = ot.topic_id
        WHERE ot.outcome_id = oc.id), '[]'::jsonb),
      'parties', coalesce((SELECT jsonb_agg(st.code ORDER BY st.code) FROM outcome_party op JOIN state st ON st.id = op.state_id
        WHERE op.outcome_id = oc.id), '[]'::jsonb),
      'followUpMeeting', fm.slug, 'sources', ${citationsOf("outcome_id", "oc.id")})`;

const SNAPSHOT_SQL: Record<Exclude<RecordTypeName, "Statement">, string> = {
  State: `SELECT jsonb_build_object('code', s.code, 'name', s.name) AS snapshot FROM state s WHERE s.id = $1`,
  Source: `SELECT jsonb_build_object('slug', s.slug, 'kind', s.kind, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
      'language', s.language, 'publishedAt', to_char(s.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS snapshot
    FROM source s WHERE s.id = $1`,
  Topic: `SELECT jsonb_build_object('slug', t.slug, 'name', t.name, 'description', t.description, 'parent', p.slug) AS snapshot
    FROM topic t LEFT JOIN topic p ON p.id = t.parent_id WHERE t.id = $1`,
  Coalition: `SELECT jsonb_build_object('slug', c.slug, 'name', c.name, 'description', c.description, 'foundedOn', c.founded_on,
      'members', coalesce((SELECT jsonb_agg(jsonb_build_object('state', st.code, 'role', m.role, 'since', m.since, 'until', m.until,
          'sources', ${citationsOf("membership_id", "m.id")}) ORDER BY st.code, m.since NULLS FIRST, m.id)
        FROM membership m JOIN state st ON st.id = m.state_id WHERE m.coalition_id = c.id), '[]'::jsonb)) AS snapshot
    FROM coalition c WHERE c.id = $1`,
  Official: `SELECT jsonb_build_object('slug', o.slug, 'name', o.name,
      'positions', coalesce((SELECT jsonb_agg(jsonb_build_object('title', p.title, 'organization', p.organization, 'state', st.code,
          'since', p.since, 'until', p.until, 'sources', ${citationsOf("position_id", "p.id")}) ORDER BY p.since NULLS FIRST, p.id)
        FROM position p LEFT JOIN state st ON st.id = p.state_id WHERE p.official_id = o.id), '[]'::jsonb)) AS snapshot
    FROM official o WHERE o.id = $1`,
  Meeting: `SELECT jsonb_build_object('slug', m.slug, 'title', m.title, 'coalition', c.slug, 'date', m.date,
      'datePrecision', m.date_precision, 'status', m.status, 'format', m.format, 'level', m.level,
      'location', CASE WHEN m.location_city IS NULL AND m.location_country_id IS NULL THEN NULL
                       ELSE jsonb_build_object('city', m.location_city, 'country', lc.code) END,
      'participants', coalesce((SELECT jsonb_agg(jsonb_build_object('official', o.slug, 'representing', st.code, 'role', p.role,
          'attendance', p.attendance) ORDER BY o.slug)
        FROM participant p JOIN official o ON o.id = p.official_id LEFT JOIN state st ON st.id = p.representing_state_id
        WHERE p.meeting_id = m.id), '[]'::jsonb),
      'topics', coalesce((SELECT jsonb_agg(t.slug ORDER BY t.slug) FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id
        WHERE mt.meeting_id = m.id), '[]'::jsonb),
      'summary', m.summary,
      'precededBy', coalesce((SELECT jsonb_agg(pm.slug ORDER BY pm.slug) FROM meeting_sequence ms JOIN meeting pm ON pm.id = ms.preceded_by_id
        WHERE ms.meeting_id = m.id), '[]'::jsonb),
      'sources', ${citationsOf("meeting_id", "m.id")},
      'outcomes', coalesce((SELECT jsonb_agg(${OUTCOME_OBJECT} ORDER BY oc.slug)
        FROM outcome oc LEFT JOIN meeting fm ON fm.id = oc.follow_up_meeting_id WHERE oc.meeting_id = m.id), '[]'::jsonb)) AS snapshot
    FROM meeting m LEFT JOIN coalition c ON c.id = m.coalition_id LEFT JOIN state lc ON lc.id = m.location_country_id
    WHERE m.id = $1`,
  Outcome: `SELECT jsonb_build_object('meeting', m.slug) || ${OUTCOME_OBJECT} AS snapshot
    FROM outcome oc JOIN meeting m ON m.id = oc.meeting_id LEFT JOIN meeting fm ON fm.id = oc.follow_up_meeting_id WHERE oc.id = $1`,
};

const STATEMENT_SQL = `SELECT jsonb_build_object('official', o.slug, 'meeting', m.slug, 'text', s.text, 'lang', s.lang,
    'madeOn', s.made_on, 'source', so.slug, 'sources', ${citationsOf("statement_id", "s.id")}) AS snapshot
  FROM statement s JOIN official o ON o.id = s.official_id LEFT JOIN meeting m ON m.id = s.meeting_id
  LEFT JOIN source so ON so.id = s.source_id WHERE s.id = $1`;

function snapshotSql(recordType: RecordTypeName): string {
  return recordType === "Statement" ? STATEMENT_SQL : SNAPSHOT_SQL[recordType];
}

/** The record's snapshot, or null when it does not exist (e.g. `before` of a CREATE). */
export async function snapshotRecord(
  manager: EntityManager,
  recordType: RecordTypeName,
  id: number,
): Promise<Record<string, unknown> | null> {
  const rows: { snapshot: Record<string, unknown> }[] = await manager.query(snapshotSql(recordType), [id]);
  return rows[0]?.snapshot ?? null;
}

/**
 * The snapshots of many records of one type in one statement (the single-record query, run per id as
 * a subquery: its only parameter `$1` becomes the id), by id; ids with no record are left out.
 */
export async function snapshotRecords(
  manager: EntityManager,
  recordType: RecordTypeName,
  ids: number[],
): Promise<Map<number, Record<string, unknown>>> {
  const snapshots = new Map<number, Record<string, unknown>>();
  if (ids.length === 0) return snapshots;
  const perId = snapshotSql(recordType).replaceAll("$1", "wanted.id");
  const rows: { id: number; snapshot: Record<string, unknown> | null }[] = await manager.query(
    `SELECT wanted.id, (${perId}) AS snapshot FROM unnest($1::int[]) AS wanted(id)`,
    [[...new Set(ids)]],
  );
  for (const row of rows) if (row.snapshot !== null) snapshots.set(row.id, row.snapshot);
  return snapshots;
}
