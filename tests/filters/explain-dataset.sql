-- 200k meetings for EXPLAIN of filters (tests/filters/explain-canonical.ts). Deterministic: setseed.
SELECT setseed(0.42);
INSERT INTO state (code, name)
  SELECT chr(65 + i / 26) || chr(65 + i % 26), jsonb_build_object('en', 'State ' || i) FROM generate_series(0, 59) i;
INSERT INTO topic (slug, name) VALUES ('security-guarantees', '{"en": "Security guarantees"}'), ('economy', '{"en": "Economy"}');
INSERT INTO topic (slug, name, parent_id) VALUES ('troop-deployment', '{"en": "Troop deployment"}', (SELECT id FROM topic WHERE slug = 'security-guarantees'));
INSERT INTO topic (slug, name, parent_id)
  SELECT 'topic-' || i, jsonb_build_object('en', 'Topic ' || i),
         (SELECT id FROM topic WHERE slug = CASE WHEN i % 10 = 0 THEN 'troop-deployment' WHEN i % 2 = 0 THEN 'security-guarantees' ELSE 'economy' END)
  FROM generate_series(1, 60) i;
INSERT INTO coalition (slug, name) VALUES ('coalition-of-the-willing', '{"en": "Coalition of the Willing", "ru": "Коалиция желающих"}');
INSERT INTO coalition (slug, name) SELECT 'coalition-' || i, jsonb_build_object('en', 'Coalition ' || i) FROM generate_series(1, 19) i;
INSERT INTO official (slug, name) SELECT 'official-' || i, jsonb_build_object('en', 'Official Number' || i, 'ru', 'Чиновник ' || i) FROM generate_series(1, 3000) i;
INSERT INTO source (slug, kind, title, publisher, language, published_at)
  SELECT 'source-' || i, (ARRAY['NEWS_ARTICLE','SOCIAL_POST','OFFICIAL_STATEMENT','COMMUNIQUE','TRANSCRIPT','OTHER'])[1 + i % 6],
         jsonb_build_object('en', 'Source ' || i), 'Publisher ' || (i % 50), 'en', timestamptz '2015-01-01' + i * interval '1 hour'
  FROM generate_series(1, 20000) i;

CREATE TEMP TABLE words AS SELECT ARRAY['ceasefire','drones','airspace','harvest','pipeline','corridor','monitoring','reconstruction',
  'guarantees','deployment','sanctions','energy','grain','navy','training','artillery','funding','refugees','cyber','border'] AS en,
  ARRAY['перемирие','дроны','гарантии','безопасности','санкции','энергетика','коридор','урожай'] AS ru;

INSERT INTO meeting (slug, title, summary, date, date_precision, status, format, level, location_city, location_country_id, coalition_id, created_at)
SELECT 'meeting-' || i,
  jsonb_build_object('en', 'Meeting on ' || w.en[1 + (i * 7) % 20] || ' and ' || w.en[1 + (i * 13) % 20]),
  CASE WHEN i % 3 = 0 THEN jsonb_build_object('ru', 'Обсуждены ' || w.ru[1 + i % 8] || ' ' || w.ru[1 + (i / 8) % 8])
       ELSE jsonb_build_object('en', 'They discussed ' || w.en[1 + (i * 3) % 20] || ' ' || w.en[1 + (i / 20) % 20]) END,
  CASE WHEN i % 50 = 0 THEN NULL ELSE date '2015-01-01' + (random() * 4300)::int END,
  CASE WHEN i % 20 = 0 THEN 'MONTH' ELSE 'DAY' END,
  (ARRAY['PLANNED','HELD','CANCELLED','POSTPONED'])[1 + (i % 10 = 0)::int * (1 + i % 3)],
  (ARRAY['IN_PERSON','VIDEO_CONFERENCE','HYBRID','PHONE_CALL'])[1 + i % 4],
  (ARRAY['HEADS_OF_STATE','MINISTERS','CHIEFS_OF_DEFENCE','SENIOR_OFFICIALS','EXPERTS'])[1 + i % 5],
  'City ' || (i % 100), (SELECT min(id) FROM state) + i % 60,
  CASE WHEN i % 7 = 0 THEN NULL ELSE (SELECT min(id) FROM coalition) + (i * 31) % 20 END,
  timestamptz '2020-01-01' + i * interval '1 minute'
FROM generate_series(1, 200000) i, words w;
UPDATE meeting SET date = date_trunc('month', date)::date WHERE date_precision = 'MONTH';

INSERT INTO meeting_topic (meeting_id, topic_id)
  SELECT DISTINCT m.id, (SELECT min(id) FROM topic) + ((m.id::bigint * k * 17) % 63)::int FROM meeting m, generate_series(1, 2) k;
INSERT INTO participant (meeting_id, official_id, representing_state_id)
  SELECT m.id, o, (SELECT min(id) FROM state) + o % 60
  FROM meeting m, LATERAL (SELECT DISTINCT (SELECT min(id) FROM official) + ((m.id::bigint * k * 7919) % 3000)::int AS o FROM generate_series(1, 3) k) p;
INSERT INTO citation (meeting_id, source_id)
  SELECT DISTINCT m.id, (SELECT min(id) FROM source) + ((m.id::bigint * k * 104729) % 20000)::int FROM meeting m, generate_series(1, 2) k;
INSERT INTO outcome (slug, meeting_id, kind, status, summary)
  SELECT 'outcome-' || m.id, m.id, 'STATEMENT', 'AGREED', jsonb_build_object('en', 'Agreed on ' || w.en[1 + (m.id * 11) % 20]) FROM meeting m, words w;
ANALYZE;
