import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords, seedIfEmpty } from "../../src/import/seed";
import { createLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.drop());

test("an empty database gets the demo records at start; a second start leaves them alone", async () => {
  const log = createLogger("silent");
  const first = await seedIfEmpty(db.dataSource, log);
  assert.ok(first);
  assert.equal(first.updated + first.unchanged, 0);
  assert.deepEqual(first.byType.meetings, { created: 7, updated: 0, unchanged: 0 });
  assert.equal(await seedIfEmpty(db.dataSource, log), null);
});

test("seeding again is idempotent", async () => {
  const result = await seedDemoRecords(db.dataSource);
  assert.equal(result.created, 0);
  assert.equal(result.updated, 0);
  assert.ok(result.unchanged > 0);
});

test("the coalition carries its English, Russian and Ukrainian names", async () => {
  const [coalition] = await db.dataSource.query(`SELECT name FROM coalition WHERE slug = 'coalition-of-the-willing'`);
  assert.deepEqual(coalition.name, { en: "Coalition of the Willing", ru: "Коалиция желающих", uk: "Коаліція охочих" });
});

test("every official of the article holds a post for a state", async () => {
  const rows: { slug: string; ru: string; title: string; state: string }[] = await db.dataSource.query(
    `SELECT o.slug, o.name->>'ru' AS ru, p.title->>'en' AS title, s.code AS state
       FROM official o JOIN position p ON p.official_id = o.id JOIN state s ON s.id = p.state_id ORDER BY o.slug`,
  );
  assert.deepEqual(rows, [
    {
      slug: "alexus-grynkewich",
      ru: "Алексус Гринкевич",
      title: "Commander, US European Command (US forces in Europe)",
      state: "US",
    },
    { slug: "andrii-hnatov", ru: "Андрей Гнатов", title: "Chief of the General Staff", state: "UA" },
    { slug: "emmanuel-macron", ru: "Эмануэль Макрон", title: "President of France", state: "FR" },
    { slug: "fabien-mandon", ru: "Фабьен Мандон", title: "Chief of the Defence Staff", state: "FR" },
    { slug: "rich-knighton", ru: "Рич Найтон", title: "Chief of the Defence Staff", state: "GB" },
    { slug: "volodymyr-zelensky", ru: "Владимир Зеленский", title: "President of Ukraine", state: "UA" },
  ]);
});

test("every meeting the article reports is there with its status, format, date and coalition", async () => {
  const rows = await db.dataSource.query(
    `SELECT m.slug, m.status, m.format, m.level, m.date::text AS date, m.date_precision AS precision, c.slug AS coalition
       FROM meeting m LEFT JOIN coalition c ON c.id = m.coalition_id ORDER BY m.slug`,
  );
  const cotw = "coalition-of-the-willing";
  assert.deepEqual(rows, [
    {
      slug: "coalition-chiefs-of-defence-paris-2026-01-06",
      status: "HELD",
      format: "IN_PERSON",
      level: "CHIEFS_OF_DEFENCE",
      date: "2026-01-06",
      precision: "DAY",
      coalition: cotw,
    },
    {
      slug: "coalition-chiefs-video-conference-2026-01-06",
      status: "HELD",
      format: "VIDEO_CONFERENCE",
      level: "CHIEFS_OF_DEFENCE",
      date: "2026-01-06",
      precision: "DAY",
      coalition: cotw,
    },
    {
      slug: "coalition-leaders-paris-2026-01-06",
      status: "PLANNED",
      format: "IN_PERSON",
      level: "HEADS_OF_STATE",
      date: "2026-01-06",
      precision: "DAY",
      coalition: cotw,
    },
    {
      slug: "leaders-security-documents-work",
      status: "PLANNED",
      format: null,
      level: "HEADS_OF_STATE",
      date: null,
      precision: "DAY",
      coalition: null,
    },
    {
      slug: "paris-preparatory-meetings-2026-01",
      status: "HELD",
      format: "IN_PERSON",
      level: null,
      date: "2026-01-01",
      precision: "MONTH",
      coalition: null,
    },
    { slug: "us-meetings-series", status: "PLANNED", format: null, level: null, date: null, precision: "DAY", coalition: null },
    {
      slug: "zelensky-macron-paris-2026-01-06",
      status: "PLANNED",
      format: "IN_PERSON",
      level: "HEADS_OF_STATE",
      date: "2026-01-06",
      precision: "DAY",
      coalition: null,
    },
  ]);
});

test("the chiefs' meeting in Paris: Mandon hosts Knighton, Hnatov and Grynkewich", async () => {
  const rows = await db.dataSource.query(
    `SELECT o.slug AS official, s.code AS representing, p.role
       FROM participant p JOIN meeting m ON m.id = p.meeting_id JOIN official o ON o.id = p.official_id
       JOIN state s ON s.id = p.representing_state_id
      WHERE m.slug = 'coalition-chiefs-of-defence-paris-2026-01-06' ORDER BY o.slug`,
  );
  assert.deepEqual(rows, [
    { official: "alexus-grynkewich", representing: "US", role: "PARTICIPANT" },
    { official: "andrii-hnatov", representing: "UA", role: "PARTICIPANT" },
    { official: "fabien-mandon", representing: "FR", role: "HOST" },
    { official: "rich-knighton", representing: "GB", role: "PARTICIPANT" },
  ]);
});

test("troop deployment sits under security guarantees and is a topic of the leaders' meeting", async () => {
  const rows = await db.dataSource.query(
    `SELECT t.slug FROM meeting_topic mt JOIN meeting m ON m.id = mt.meeting_id JOIN topic t ON t.id = mt.topic_id
      WHERE m.slug = 'coalition-leaders-paris-2026-01-06' ORDER BY t.slug`,
  );
  assert.deepEqual(
    rows.map((row: { slug: string }) => row.slug),
    ["ceasefire", "security-guarantees", "troop-deployment"],
  );
  const [parent] = await db.dataSource.query(
    `SELECT p.slug FROM topic t JOIN topic p ON p.id = t.parent_id WHERE t.slug = 'troop-deployment'`,
  );
  assert.equal(parent.slug, "security-guarantees");
});

test("the follow-ups point at the planned documents work and the planned series in the US", async () => {
  const rows = await db.dataSource.query(
    `SELECT o.slug, f.slug AS follow_up FROM outcome o JOIN meeting f ON f.id = o.follow_up_meeting_id ORDER BY o.slug`,
  );
  assert.deepEqual(rows, [
    { slug: "leaders-security-documents-follow-up", follow_up: "leaders-security-documents-work" },
    { slug: "us-meetings-series-follow-up", follow_up: "us-meetings-series" },
  ]);
});

test("both sources are there, and the citations quote the article in Russian", async () => {
  const sources = await db.dataSource.query(`SELECT slug, kind, publisher, language, url FROM source ORDER BY slug`);
  assert.deepEqual(sources, [
    { slug: "mandon-x-post-2026-01-06", kind: "SOCIAL_POST", publisher: "X", language: null, url: null },
    {
      slug: "rbc-ukraine-2026-01-06-coalition-chiefs-paris",
      kind: "NEWS_ARTICLE",
      publisher: "RBC-Ukraine",
      language: "ru",
      url: null,
    },
  ]);
  const quotes: { quote: string }[] = await db.dataSource.query(
    `SELECT c.quote FROM citation c JOIN meeting m ON m.id = c.meeting_id
      WHERE m.slug = 'coalition-chiefs-video-conference-2026-01-06' AND c.quote_lang = 'ru'`,
  );
  assert.deepEqual(
    quotes.map((row) => row.quote),
    [
      "Гарантии безопасности в Украине и условия их реализации были в центре обсуждений во время видеоконференции с начальниками генеральных штабов вооруженных сил коалиции желающих",
    ],
  );
  const [statement] = await db.dataSource.query(
    `SELECT s.lang, o.slug AS official, src.slug AS source FROM statement s JOIN official o ON o.id = s.official_id
       JOIN source src ON src.id = s.source_id`,
  );
  assert.deepEqual(statement, { lang: "ru", official: "fabien-mandon", source: "mandon-x-post-2026-01-06" });
});
