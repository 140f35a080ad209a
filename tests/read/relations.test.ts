import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../support/server";
import { insertReadFixture } from "./read-fixture";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await insertReadFixture(server.db.dataSource);
});
after(() => server.close());

async function read<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await server.graphql<T>(query, variables);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.equal(status, 200);
  return body.data as T;
}

test("a meeting resolves every relation", async () => {
  const data = await read<{ meeting: Record<string, unknown> }>(`{
    meeting(slug: "chiefs-2026-01-06") {
      slug title titles { lang text } summary date datePrecision status format level version
      location { city country { code } }
      coalition { slug }
      participants { official { slug } representing { code } role attendance meeting { slug } }
      topics { slug } outcomes { slug } followUps { slug } precededBy { slug }
      sources { source { slug publisher } quote quoteLang }
      statements { text lang madeOn official { slug } meeting { slug } source { slug } sources { quote source { slug } } }
    } }`);
  assert.deepEqual(data.meeting, {
    slug: "chiefs-2026-01-06",
    title: "Chiefs of defence meeting",
    titles: [
      { lang: "en", text: "Chiefs of defence meeting" },
      { lang: "ru", text: "Встреча начальников штабов" },
    ],
    summary: "Обсудили развертывание",
    date: "2026-01-06",
    datePrecision: "DAY",
    status: "HELD",
    format: "VIDEO_CONFERENCE",
    level: "CHIEFS_OF_DEFENCE",
    version: 1,
    location: { city: "Paris", country: { code: "FR" } },
    coalition: { slug: "coalition-of-the-willing" },
    participants: [
      {
        official: { slug: "fabien-mandon" },
        representing: { code: "FR" },
        role: "HOST",
        attendance: "IN_PERSON",
        meeting: { slug: "chiefs-2026-01-06" },
      },
      {
        official: { slug: "tony-radakin" },
        representing: { code: "GB" },
        role: "PARTICIPANT",
        attendance: "REMOTE",
        meeting: { slug: "chiefs-2026-01-06" },
      },
      {
        official: { slug: "andriy-hnatov" },
        representing: { code: "UA" },
        role: "PARTICIPANT",
        attendance: "REMOTE",
        meeting: { slug: "chiefs-2026-01-06" },
      },
    ],
    topics: [{ slug: "ceasefire" }, { slug: "troop-deployment" }],
    outcomes: [{ slug: "chiefs-plan" }],
    followUps: [{ slug: "leaders-paris" }],
    precededBy: [],
    sources: [
      { source: { slug: "rbc-chiefs", publisher: "RBC-Ukraine" }, quote: "Начальники штабов встретились", quoteLang: "ru" },
      { source: { slug: "x-post", publisher: "X" }, quote: null, quoteLang: null },
    ],
    statements: [
      {
        text: "Мы готовы",
        lang: "ru",
        madeOn: "2026-01-06",
        official: { slug: "fabien-mandon" },
        meeting: { slug: "chiefs-2026-01-06" },
        source: { slug: "rbc-chiefs" },
        sources: [{ quote: "Мы готовы", source: { slug: "x-post" } }],
      },
    ],
  });
});

test("a bilateral meeting has no coalition; a meeting with no place has no location; precededBy and followUps chain", async () => {
  const data = await read<Record<string, { coalition: unknown; location: unknown; precededBy: unknown; date: unknown }>>(`{
    bilateral: meeting(slug: "zelensky-macron") { coalition { slug } location { city } precededBy { slug } date }
    planned: meeting(slug: "us-series") { coalition { slug } location { city country { code } } precededBy { slug } date } }`);
  assert.deepEqual(data.bilateral, { coalition: null, location: { city: "Paris" }, precededBy: [], date: "2026-01-01" });
  assert.deepEqual(data.planned, {
    coalition: { slug: "coalition-of-the-willing" },
    location: { city: null, country: { code: "US" } },
    precededBy: [{ slug: "leaders-paris" }],
    date: null,
  });
});

test("an outcome resolves its meeting, topics, follow-up meeting, parties and sources", async () => {
  const data = await read<{ outcome: unknown }>(`{ outcome(slug: "chiefs-plan") {
    slug kind status summary ru: summary(lang: "ru") summaries { lang }
    meeting { slug } topics { slug } followUpMeeting { slug } parties { code } sources { source { slug } } } }`);
  assert.deepEqual(data.outcome, {
    slug: "chiefs-plan",
    kind: "COMMITMENT",
    status: "AGREED",
    summary: "Deployment plan agreed",
    ru: "План согласован",
    summaries: [{ lang: "en" }, { lang: "ru" }],
    meeting: { slug: "chiefs-2026-01-06" },
    topics: [{ slug: "troop-deployment" }],
    followUpMeeting: { slug: "leaders-paris" },
    parties: [{ code: "FR" }, { code: "GB" }],
    sources: [{ source: { slug: "x-post" } }],
  });
});

test("topics resolve parent, children and ancestors (root first)", async () => {
  const data = await read<{ topic: unknown }>(`{ topic(slug: "rotation") {
    name parent { slug children { slug } } children { slug } ancestors { slug } } }`);
  assert.deepEqual(data.topic, {
    name: "Ротация",
    parent: { slug: "troop-deployment", children: [{ slug: "rotation" }] },
    children: [],
    ancestors: [{ slug: "security-guarantees" }, { slug: "troop-deployment" }],
  });
});

test("a coalition's members, a state's memberships and officials, an official's posts and statements", async () => {
  const data = await read<Record<string, unknown>>(`{
    coalition(slug: "coalition-of-the-willing") { name foundedOn description members { state { code } role since until coalition { slug } sources { source { slug } } } }
    state(code: "UA") { name memberships { coalition { slug } role } officials { slug } }
    official(slug: "fabien-mandon") { positions { title organization state { code } since until official { slug } sources { source { slug } } } statements { text } }
    source(slug: "rbc-chiefs") { slug kind title publisher url language publishedAt titles { lang text } } }`);
  assert.deepEqual(data.coalition, {
    name: "Coalition of the Willing",
    foundedOn: "2025-03-02",
    description: "Support for Ukraine",
    members: [
      {
        state: { code: "UA" },
        role: "MEMBER",
        since: null,
        until: null,
        coalition: { slug: "coalition-of-the-willing" },
        sources: [],
      },
      {
        state: { code: "FR" },
        role: "FOUNDER",
        since: "2025-03-02",
        until: null,
        coalition: { slug: "coalition-of-the-willing" },
        sources: [{ source: { slug: "rbc-chiefs" } }],
      },
      {
        state: { code: "GB" },
        role: "FOUNDER",
        since: "2025-03-02",
        until: null,
        coalition: { slug: "coalition-of-the-willing" },
        sources: [],
      },
      {
        state: { code: "US" },
        role: "PARTNER",
        since: "2025-06-01",
        until: "2025-12-31",
        coalition: { slug: "coalition-of-the-willing" },
        sources: [],
      },
    ],
  });
  assert.deepEqual(data.state, {
    name: "Ukraine",
    memberships: [{ coalition: { slug: "coalition-of-the-willing" }, role: "MEMBER" }],
    officials: [{ slug: "andriy-hnatov" }, { slug: "volodymyr-zelensky" }],
  });
  assert.deepEqual(data.official, {
    positions: [
      {
        title: "Chief of staff to the President",
        organization: null,
        state: { code: "FR" },
        since: "2023-01-01",
        until: "2025-08-31",
        official: { slug: "fabien-mandon" },
        sources: [],
      },
      {
        title: "Chief of the Defence Staff",
        organization: "French Armed Forces",
        state: { code: "FR" },
        since: "2025-09-01",
        until: null,
        official: { slug: "fabien-mandon" },
        sources: [{ source: { slug: "rbc-chiefs" } }],
      },
    ],
    statements: [{ text: "Мы готовы" }],
  });
  assert.deepEqual(data.source, {
    slug: "rbc-chiefs",
    kind: "NEWS_ARTICLE",
    title: "Начальники штабов",
    publisher: "RBC-Ukraine",
    url: "https://example.org/rbc",
    language: "ru",
    publishedAt: "2026-01-06T10:00:00.000Z",
    titles: [{ lang: "ru", text: "Начальники штабов" }],
  });
});

test("lookups by an unknown key answer null", async () => {
  const data = await read<Record<string, unknown>>(`{ coalition(slug: "nope") { slug } state(code: "ZZ") { code }
    official(slug: "nope") { slug } meeting(slug: "nope") { slug } topic(slug: "nope") { slug } outcome(slug: "nope") { slug } source(slug: "nope") { slug } }`);
  assert.deepEqual(data, {
    coalition: null,
    state: null,
    official: null,
    meeting: null,
    topic: null,
    outcome: null,
    source: null,
  });
});

test("state and official meetings: where a participant represented the state / the official took part, with counts", async () => {
  const data = await read<Record<string, { meetings: { totalCount: number; nodes: { slug: string }[] } }>>(`{
    ua: state(code: "UA") { meetings { totalCount nodes { slug } } }
    uaCoalition: state(code: "UA") { meetings(filter: { coalitions: ["coalition-of-the-willing"] }) { totalCount nodes { slug } } }
    us: state(code: "US") { meetings { totalCount nodes { slug } } }
    zelensky: official(slug: "volodymyr-zelensky") { meetings(orderBy: { field: TITLE, direction: ASC }) { totalCount nodes { slug } } }
    zelenskyBilateral: official(slug: "volodymyr-zelensky") { meetings(filter: { not: { coalitions: ["coalition-of-the-willing"] } }) { totalCount nodes { slug } } } }`);
  assert.deepEqual(data, {
    ua: {
      meetings: { totalCount: 3, nodes: [{ slug: "leaders-paris" }, { slug: "chiefs-2026-01-06" }, { slug: "zelensky-macron" }] },
    },
    uaCoalition: { meetings: { totalCount: 2, nodes: [{ slug: "leaders-paris" }, { slug: "chiefs-2026-01-06" }] } },
    us: { meetings: { totalCount: 0, nodes: [] } },
    zelensky: { meetings: { totalCount: 2, nodes: [{ slug: "leaders-paris" }, { slug: "zelensky-macron" }] } },
    zelenskyBilateral: { meetings: { totalCount: 1, nodes: [{ slug: "zelensky-macron" }] } },
  });
});
