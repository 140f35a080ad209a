import type { DataSource } from "typeorm";

/**
 * A small world in SQL: two coalitions, four states, four officials with posts, a topic tree, three
 * coalition meetings and one bilateral meeting with participants, outcomes, follow-ups and citations.
 * Plain SQL so the read tests depend on nothing but the migrations.
 */
export async function insertReadFixture(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO state (code, name) VALUES
      ('FR', '{"en":"France","ru":"Франция"}'), ('GB', '{"en":"United Kingdom"}'),
      ('UA', '{"en":"Ukraine","uk":"Україна","ru":"Украина"}'), ('US', '{"en":"United States"}');
    INSERT INTO source (slug, kind, title, publisher, url, language, published_at) VALUES
      ('rbc-chiefs', 'NEWS_ARTICLE', '{"ru":"Начальники штабов"}', 'RBC-Ukraine', 'https://example.org/rbc', 'ru', '2026-01-06T10:00:00Z'),
      ('x-post', 'SOCIAL_POST', '{"en":"Post on X"}', 'X', 'https://example.org/x', 'en', NULL);
    INSERT INTO topic (slug, name, parent_id) VALUES ('security-guarantees', '{"en":"Security guarantees","ru":"Гарантии безопасности"}', NULL);
    INSERT INTO topic (slug, name, parent_id) SELECT 'troop-deployment', '{"en":"Troop deployment"}', id FROM topic WHERE slug = 'security-guarantees';
    INSERT INTO topic (slug, name, parent_id) SELECT 'rotation', '{"ru":"Ротация"}', id FROM topic WHERE slug = 'troop-deployment';
    INSERT INTO topic (slug, name, parent_id) VALUES ('ceasefire', '{"en":"Ceasefire"}', NULL);
    INSERT INTO coalition (slug, name, description, founded_on) VALUES
      ('coalition-of-the-willing', '{"en":"Coalition of the Willing","ru":"Коалиция желающих","uk":"Коаліція охочих"}', '{"en":"Support for Ukraine"}', '2025-03-02'),
      ('other-coalition', '{"fr":"Autre coalition","de":"Andere Koalition"}', NULL, NULL);
    INSERT INTO membership (coalition_id, state_id, role, since, until)
      SELECT c.id, s.id, m.role, m.since::date, m.until::date FROM (VALUES
        ('FR', 'FOUNDER', '2025-03-02', NULL), ('GB', 'FOUNDER', '2025-03-02', NULL),
        ('UA', 'MEMBER', NULL, NULL), ('US', 'PARTNER', '2025-06-01', '2025-12-31')) AS m(code, role, since, until)
      JOIN state s ON s.code = m.code CROSS JOIN coalition c WHERE c.slug = 'coalition-of-the-willing';
    INSERT INTO official (slug, name) VALUES
      ('fabien-mandon', '{"en":"Fabien Mandon","ru":"Фабьен Мандон"}'), ('tony-radakin', '{"en":"Tony Radakin"}'),
      ('andriy-hnatov', '{"en":"Andriy Hnatov","uk":"Андрій Гнатов"}'), ('volodymyr-zelensky', '{"en":"Volodymyr Zelensky"}');
    INSERT INTO position (official_id, title, organization, state_id, since, until)
      SELECT o.id, p.title::jsonb, p.org::jsonb, s.id, p.since::date, p.until::date FROM (VALUES
        ('fabien-mandon', '{"en":"Chief of the Defence Staff","ru":"Начальник штаба"}', '{"en":"French Armed Forces"}', 'FR', '2025-09-01', NULL),
        ('fabien-mandon', '{"en":"Chief of staff to the President"}', NULL, 'FR', '2023-01-01', '2025-08-31'),
        ('tony-radakin', '{"en":"Chief of the Defence Staff"}', NULL, 'GB', NULL, '2025-09-30'),
        ('andriy-hnatov', '{"en":"Chief of the General Staff"}', NULL, 'UA', '2025-02-10', NULL),
        ('volodymyr-zelensky', '{"en":"President"}', NULL, 'UA', '2019-05-20', NULL)) AS p(official, title, org, code, since, until)
      JOIN official o ON o.slug = p.official JOIN state s ON s.code = p.code;
    INSERT INTO meeting (slug, title, date, date_precision, status, format, level, location_city, location_country_id, coalition_id, summary)
      SELECT m.slug, m.title::jsonb, m.date::date, m.precision, m.status, m.format, m.level, m.city, s.id, c.id, m.summary::jsonb FROM (VALUES
        ('chiefs-2026-01-06', '{"en":"Chiefs of defence meeting","ru":"Встреча начальников штабов"}', '2026-01-06', 'DAY', 'HELD', 'VIDEO_CONFERENCE', 'CHIEFS_OF_DEFENCE', 'Paris', 'FR', 'coalition-of-the-willing', '{"ru":"Обсудили развертывание"}'),
        ('leaders-paris', '{"en":"Leaders in Paris"}', '2026-01-07', 'DAY', 'HELD', 'IN_PERSON', 'HEADS_OF_STATE', 'Paris', 'FR', 'coalition-of-the-willing', NULL),
        ('us-series', '{"en":"Series of meetings in the US"}', NULL, 'DAY', 'PLANNED', NULL, NULL, NULL, 'US', 'coalition-of-the-willing', NULL),
        ('zelensky-macron', '{"en":"Zelensky and Macron"}', '2026-01-01', 'MONTH', 'HELD', 'IN_PERSON', 'HEADS_OF_STATE', 'Paris', 'FR', NULL, NULL)
      ) AS m(slug, title, date, precision, status, format, level, city, country, coalition, summary)
      LEFT JOIN state s ON s.code = m.country LEFT JOIN coalition c ON c.slug = m.coalition;
    INSERT INTO participant (meeting_id, official_id, representing_state_id, role, attendance)
      SELECT m.id, o.id, s.id, p.role, p.attendance FROM (VALUES
        ('chiefs-2026-01-06', 'fabien-mandon', 'FR', 'HOST', 'IN_PERSON'),
        ('chiefs-2026-01-06', 'tony-radakin', 'GB', 'PARTICIPANT', 'REMOTE'),
        ('chiefs-2026-01-06', 'andriy-hnatov', 'UA', 'PARTICIPANT', 'REMOTE'),
        ('leaders-paris', 'volodymyr-zelensky', 'UA', 'PARTICIPANT', 'IN_PERSON'),
        ('zelensky-macron', 'volodymyr-zelensky', 'UA', 'GUEST', NULL)) AS p(meeting, official, code, role, attendance)
      JOIN meeting m ON m.slug = p.meeting JOIN official o ON o.slug = p.official JOIN state s ON s.code = p.code;
    INSERT INTO meeting_topic (meeting_id, topic_id) SELECT m.id, t.id FROM (VALUES
        ('chiefs-2026-01-06', 'troop-deployment'), ('chiefs-2026-01-06', 'ceasefire'), ('leaders-paris', 'security-guarantees'),
        ('zelensky-macron', 'rotation')) AS x(meeting, topic)
      JOIN meeting m ON m.slug = x.meeting JOIN topic t ON t.slug = x.topic;
    INSERT INTO meeting_sequence (meeting_id, preceded_by_id) SELECT a.id, b.id FROM meeting a, meeting b
      WHERE (a.slug, b.slug) IN (('leaders-paris', 'chiefs-2026-01-06'), ('us-series', 'leaders-paris'));
    INSERT INTO outcome (slug, meeting_id, kind, status, summary, follow_up_meeting_id)
      SELECT 'chiefs-plan', m.id, 'COMMITMENT', 'AGREED', '{"en":"Deployment plan agreed","ru":"План согласован"}', f.id
      FROM meeting m, meeting f WHERE m.slug = 'chiefs-2026-01-06' AND f.slug = 'leaders-paris';
    INSERT INTO outcome_topic (outcome_id, topic_id) SELECT o.id, t.id FROM outcome o, topic t WHERE o.slug = 'chiefs-plan' AND t.slug = 'troop-deployment';
    INSERT INTO outcome_party (outcome_id, state_id) SELECT o.id, s.id FROM outcome o, state s WHERE o.slug = 'chiefs-plan' AND s.code IN ('FR', 'GB');
    INSERT INTO statement (official_id, meeting_id, text, lang, made_on, source_id)
      SELECT o.id, m.id, 'Мы готовы', 'ru', '2026-01-06', s.id FROM official o, meeting m, source s
      WHERE o.slug = 'fabien-mandon' AND m.slug = 'chiefs-2026-01-06' AND s.slug = 'rbc-chiefs';
    INSERT INTO citation (source_id, quote, quote_lang, meeting_id) SELECT s.id, 'Начальники штабов встретились', 'ru', m.id
      FROM source s, meeting m WHERE s.slug = 'rbc-chiefs' AND m.slug = 'chiefs-2026-01-06';
    INSERT INTO citation (source_id, meeting_id) SELECT s.id, m.id FROM source s, meeting m WHERE s.slug = 'x-post' AND m.slug = 'chiefs-2026-01-06';
    INSERT INTO citation (source_id, outcome_id) SELECT s.id, o.id FROM source s, outcome o WHERE s.slug = 'x-post' AND o.slug = 'chiefs-plan';
    INSERT INTO citation (source_id, membership_id) SELECT s.id, ms.id FROM source s, membership ms JOIN state st ON st.id = ms.state_id
      WHERE s.slug = 'rbc-chiefs' AND st.code = 'FR';
    INSERT INTO citation (source_id, position_id) SELECT s.id, p.id FROM source s, position p WHERE s.slug = 'rbc-chiefs' AND p.until IS NULL
      AND p.official_id = (SELECT id FROM official WHERE slug = 'fabien-mandon');
    INSERT INTO citation (source_id, quote, statement_id) SELECT s.id, 'Мы готовы', st.id FROM source s, statement st WHERE s.slug = 'x-post';
  `);
}
