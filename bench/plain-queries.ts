/**
 * The practical limit: each workload answered by ONE hand-written SQL statement that builds the
 * whole JSON response (the same shape Chancery answers) in PostgreSQL, returned as text.
 */

const localized = (column: string) =>
  `coalesce(${column}->>'en', (SELECT value FROM jsonb_each_text(${column}) ORDER BY key LIMIT 1))`;
const byDateDesc = (alias: string) => `${alias}.date DESC NULLS LAST, ${alias}.slug`;

/** W1 ($1 coalition slug, $2 topic slug): the contract's canonical question. */
export const W1_SQL = `
WITH RECURSIVE wanted(id) AS (
  SELECT id FROM topic WHERE slug = $2
  UNION SELECT t.id FROM topic t JOIN wanted w ON t.parent_id = w.id),
c AS (SELECT id FROM coalition WHERE slug = $1),
matched AS (
  SELECT m.id, m.date, m.slug FROM meeting m JOIN c ON m.coalition_id = c.id
  WHERE EXISTS (SELECT 1 FROM meeting_topic mt JOIN wanted w ON w.id = mt.topic_id WHERE mt.meeting_id = m.id)),
page AS (SELECT m.* FROM meeting m WHERE m.id IN (SELECT id FROM matched p ORDER BY ${byDateDesc("p")} LIMIT 20))
SELECT json_build_object('data', json_build_object('coalition', (SELECT json_build_object('meetings', json_build_object(
  'totalCount', (SELECT count(*) FROM matched),
  'nodes', coalesce((SELECT json_agg(json_build_object(
    'slug', p.slug, 'title', ${localized("p.title")}, 'date', p.date, 'format', p.format,
    'location', json_build_object('city', p.location_city,
      'country', (SELECT json_build_object('code', s.code) FROM state s WHERE s.id = p.location_country_id)),
    'participants', coalesce((SELECT json_agg(json_build_object(
        'official', json_build_object('name', ${localized("o.name")}),
        'representing', (SELECT json_build_object('code', s.code) FROM state s WHERE s.id = pa.representing_state_id),
        'role', pa.role) ORDER BY pa.id)
      FROM participant pa JOIN official o ON o.id = pa.official_id WHERE pa.meeting_id = p.id), '[]'),
    'topics', coalesce((SELECT json_agg(json_build_object('slug', t.slug) ORDER BY t.slug)
      FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = p.id), '[]'),
    'outcomes', coalesce((SELECT json_agg(json_build_object('kind', oc.kind, 'summary', ${localized("oc.summary")}) ORDER BY oc.id)
      FROM outcome oc WHERE oc.meeting_id = p.id), '[]'),
    'sources', coalesce((SELECT json_agg(json_build_object(
        'source', json_build_object('publisher', so.publisher, 'url', so.url), 'quote', ci.quote) ORDER BY ci.id)
      FROM citation ci JOIN source so ON so.id = ci.source_id WHERE ci.meeting_id = p.id), '[]')
  ) ORDER BY ${byDateDesc("p")}) FROM page p), '[]'))) FROM c)))::text AS body`;

/** W2 ($1 coalition slug, $2 level, $3 from date): a flat filtered list with three conditions. */
export const W2_SQL = `
WITH matched AS (
  SELECT m.id, m.date, m.slug FROM meeting m
  WHERE m.coalition_id = (SELECT id FROM coalition WHERE slug = $1) AND m.level = $2 AND m.date >= $3::date)
SELECT json_build_object('data', json_build_object('meetings', json_build_object(
  'totalCount', (SELECT count(*) FROM matched),
  'nodes', coalesce((SELECT json_agg(json_build_object('slug', m.slug, 'title', ${localized("m.title")}, 'date', m.date, 'level', m.level,
      'coalition', (SELECT json_build_object('slug', c.slug) FROM coalition c WHERE c.id = m.coalition_id)) ORDER BY ${byDateDesc("m")})
    FROM meeting m WHERE m.id IN (SELECT id FROM matched p ORDER BY ${byDateDesc("p")} LIMIT 20)), '[]'))))::text AS body`;

/** W3 ($1 int[] meeting ids, $2 text[] response aliases): node lookups. */
export const W3_SQL = `
SELECT json_build_object('data', coalesce((SELECT json_object_agg(k.alias, (
  SELECT json_build_object('slug', m.slug, 'title', ${localized("m.title")}, 'date', m.date, 'status', m.status,
    'coalition', (SELECT json_build_object('slug', c.slug) FROM coalition c WHERE c.id = m.coalition_id))
  FROM meeting m WHERE m.id = k.id))
  FROM unnest($1::int[], $2::text[]) AS k(id, alias)), '{}'))::text AS body`;

/** W4 ($1 query text): full-text search over meetings, best match first, 20 of them. */
export const W4_SQL = `
WITH q AS (SELECT localized_tsquery($1) AS query),
hits AS (
  SELECT m.id, m.slug, m.title, ts_rank(localized_tsvector(m.title) || localized_tsvector(m.summary), q.query) AS rank
  FROM meeting m, q WHERE (localized_tsvector(m.title) || localized_tsvector(m.summary)) @@ q.query)
SELECT json_build_object('data', json_build_object('search', json_build_object(
  'totalCount', (SELECT count(*) FROM hits),
  'nodes', coalesce((SELECT json_agg(json_build_object('node', json_build_object('slug', h.slug, 'title', ${localized("h.title")}))
    ORDER BY h.rank DESC, h.id) FROM (SELECT * FROM hits ORDER BY rank DESC, id LIMIT 20) h), '[]'))))::text AS body`;

/** W5 ($1 text[] slugs): federation entity references for meetings, in the order asked, null when unknown. */
export const W5_SQL = `
SELECT json_build_object('data', json_build_object('_entities', coalesce((SELECT json_agg((
  SELECT json_build_object('slug', m.slug, 'title', ${localized("m.title")}, 'date', m.date, 'status', m.status)
  FROM meeting m WHERE m.slug = k.slug) ORDER BY k.position)
  FROM unnest($1::text[]) WITH ORDINALITY AS k(slug, position)), '[]')))::text AS body`;

/** W6 ($1 coalition slug, $2 from date): meeting counts by month and topic. */
export const W6_SQL = `
SELECT json_build_object('data', json_build_object('meetingCounts', coalesce((SELECT json_agg(json_build_object(
  'month', g.month, 'topic', json_build_object('slug', g.slug), 'count', g.count) ORDER BY g.month, g.slug)
  FROM (SELECT to_char(m.date, 'YYYY-MM') AS month, t.slug, count(*)::int AS count
        FROM meeting m JOIN meeting_topic mt ON mt.meeting_id = m.id JOIN topic t ON t.id = mt.topic_id
        WHERE m.coalition_id = (SELECT id FROM coalition WHERE slug = $1) AND m.date >= $2::date
        GROUP BY 1, 2) g), '[]')))::text AS body`;

/** W7 ($1 official slug): a person's page, positions by start, first 10 meetings by date with participants. */
export const W7_SQL = `
WITH o AS (SELECT * FROM official WHERE slug = $1),
mine AS (SELECT DISTINCT pa.meeting_id AS id FROM participant pa JOIN o ON pa.official_id = o.id)
SELECT json_build_object('data', json_build_object('official', (SELECT json_build_object(
  'slug', o.slug, 'name', ${localized("o.name")},
  'positions', coalesce((SELECT json_agg(json_build_object('title', ${localized("po.title")},
      'organization', CASE WHEN po.organization IS NOT NULL THEN ${localized("po.organization")} END,
      'since', po.since, 'until', po.until,
      'state', (SELECT json_build_object('code', s.code) FROM state s WHERE s.id = po.state_id)) ORDER BY po.since, po.id)
    FROM position po WHERE po.official_id = o.id), '[]'),
  'meetings', json_build_object('totalCount', (SELECT count(*) FROM mine),
    'nodes', coalesce((SELECT json_agg(json_build_object('slug', m.slug, 'title', ${localized("m.title")}, 'date', m.date,
      'participants', coalesce((SELECT json_agg(json_build_object(
          'official', json_build_object('slug', ot.slug, 'name', ${localized("ot.name")}), 'role', pa.role,
          'representing', (SELECT json_build_object('code', s.code) FROM state s WHERE s.id = pa.representing_state_id)) ORDER BY pa.id)
        FROM participant pa JOIN official ot ON ot.id = pa.official_id WHERE pa.meeting_id = m.id), '[]')
    ) ORDER BY ${byDateDesc("m")})
    FROM (SELECT m.* FROM meeting m WHERE m.id IN (SELECT id FROM mine) ORDER BY ${byDateDesc("m")} LIMIT 10) m), '[]')))
  FROM o)))::text AS body`;

/** W8 ($1 text[] typenames, $2 text[] slugs): federation references to meetings and officials, in the order asked. */
export const W8_SQL = `
SELECT json_build_object('data', json_build_object('_entities', coalesce((SELECT json_agg(CASE k.type
  WHEN 'Meeting' THEN (SELECT json_build_object('__typename', 'Meeting', 'slug', m.slug, 'title', ${localized("m.title")},
      'date', m.date, 'status', m.status,
      'coalition', (SELECT json_build_object('slug', c.slug) FROM coalition c WHERE c.id = m.coalition_id))
    FROM meeting m WHERE m.slug = k.slug)
  ELSE (SELECT json_build_object('__typename', 'Official', 'slug', o.slug, 'name', ${localized("o.name")})
    FROM official o WHERE o.slug = k.slug) END ORDER BY k.position)
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(type, slug, position)), '[]')))::text AS body`;
