/**
 * W1-W8: the same questions in each server's own dialect, with a normalizer per server that maps
 * every answer to one canonical JSON, so the benchmark can check first that all servers agree.
 * Each workload has 10 variants (other coalitions, ids, words); every server gets the same sequence.
 */
import { toGlobalId } from "../src/schema/global-id";
import { codeword, type DatasetSize } from "./dataset";

export const SERVERS = ["chancery", "postgraphile", "plain"] as const;
export type ServerName = (typeof SERVERS)[number];

export interface BenchRequest {
  path: string;
  body: string;
}

export interface Workload {
  id: string;
  title: string;
  requests: Record<ServerName, BenchRequest[]>;
  /** The canonical form of one server's JSON answer. */
  normalize(server: ServerName, answer: unknown, variant: number): unknown;
}

type Json = Record<string, unknown>;
const VARIANTS = 10;
const variants = <T>(make: (index: number) => T): T[] => Array.from({ length: VARIANTS }, (_, index) => make(index));
const coalitionSlug = (index: number) => `coalition-${String(index + 2).padStart(2, "0")}`;
const meetingSlug = (n: number) => `meeting-${String(n).padStart(7, "0")}`;
const officialSlug = (n: number) => `official-${String(n).padStart(6, "0")}`;
const postgraphileNodeId = (n: number) => Buffer.from(JSON.stringify(["Meeting", n])).toString("base64");
const LEVELS = ["HEADS_OF_STATE", "MINISTERS", "CHIEFS_OF_DEFENCE", "SENIOR_OFFICIALS", "EXPERTS"];

const graphql = (query: string, variables: Json): BenchRequest => ({
  path: "/graphql",
  body: JSON.stringify({ query, variables }),
});
const plain = (path: string, params: Json): BenchRequest => ({ path, body: JSON.stringify(params) });

/** Follows a path of keys; undefined when any step is missing. */
function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = current && typeof current === "object" ? (current as Json)[key] : undefined;
  return current;
}
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
/** Localized jsonb as PostGraphile returns it: the English text, else any. */
const english = (value: unknown): unknown =>
  value && typeof value === "object" ? ((value as Json).en ?? Object.values(value as Json)[0]) : value;
const sortedBy = <T>(items: T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function w1(): Workload {
  const chanceryQuery = `query W1($coalition: String!, $topic: String!) { coalition(slug: $coalition) {
    meetings(filter: { topics: [$topic] }) { totalCount nodes { slug title date format location { city country { code } }
      participants { official { name } representing { code } role } topics { slug } outcomes { kind summary }
      sources { source { publisher url } quote } } } } }`;
  // PostGraphile has no "or any descendant" filter: the client passes the topic and its descendants.
  const postgraphileQuery = `query W1($coalition: String!, $topics: [String!]!) { coalitionBySlug(slug: $coalition) {
    meetingsByCoalitionId(filter: { meetingTopicsByMeetingId: { some: { topicByTopicId: { slug: { in: $topics } } } } },
      orderBy: [DATE_DESC, SLUG_ASC], first: 20) { totalCount nodes { slug title date format locationCity
      stateByLocationCountryId { code }
      participantsByMeetingId { nodes { officialByOfficialId { name } stateByRepresentingStateId { code } role } }
      meetingTopicsByMeetingId { nodes { topicByTopicId { slug } } } outcomesByMeetingId { nodes { kind summary } }
      citationsByMeetingId { nodes { sourceBySourceId { publisher url } quote } } } } } }`;
  const canonicalMeeting = (m: Json) => ({
    slug: m.slug,
    title: m.title,
    date: m.date,
    format: m.format,
    location: m.location,
    participants: sortedBy(list(m.participants), (p) => `${dig(p, "official", "name")}|${p.role}`),
    topics: sortedBy(list(m.topics), (t) => String(t.slug)),
    outcomes: sortedBy(list(m.outcomes), (o) => `${o.kind}|${o.summary}`),
    sources: sortedBy(list(m.sources), (s) => `${dig(s, "source", "url")}|${s.quote}`),
  });
  const fromPostgraphile = (m: Json): Json => ({
    slug: m.slug,
    title: english(m.title),
    date: m.date,
    format: m.format,
    location: { city: m.locationCity, country: m.stateByLocationCountryId },
    participants: list(dig(m, "participantsByMeetingId", "nodes")).map((p) => ({
      official: { name: english(dig(p, "officialByOfficialId", "name")) },
      representing: p.stateByRepresentingStateId,
      role: p.role,
    })),
    topics: list(dig(m, "meetingTopicsByMeetingId", "nodes")).map((t) => t.topicByTopicId),
    outcomes: list(dig(m, "outcomesByMeetingId", "nodes")).map((o) => ({ kind: o.kind, summary: english(o.summary) })),
    sources: list(dig(m, "citationsByMeetingId", "nodes")).map((c) => ({ source: c.sourceBySourceId, quote: c.quote })),
  });
  return {
    id: "W1",
    title: "canonical question: coalition → meetings by topic (20) → participants, topics, outcomes, sources",
    requests: {
      chancery: variants((i) => graphql(chanceryQuery, { coalition: coalitionSlug(i), topic: "troop-deployment" })),
      postgraphile: variants((i) =>
        graphql(postgraphileQuery, { coalition: coalitionSlug(i), topics: ["troop-deployment", "rotation"] }),
      ),
      plain: variants((i) => plain("/w1", { coalition: coalitionSlug(i), topic: "troop-deployment" })),
    },
    normalize(server, answer) {
      const connection =
        server === "postgraphile"
          ? dig(answer, "data", "coalitionBySlug", "meetingsByCoalitionId")
          : dig(answer, "data", "coalition", "meetings");
      const nodes = list(dig(connection, "nodes")).map((m) => (server === "postgraphile" ? fromPostgraphile(m) : m));
      return { totalCount: dig(connection, "totalCount"), nodes: nodes.map(canonicalMeeting) };
    },
  };
}

function w2(): Workload {
  const params = (i: number) => ({ coalition: coalitionSlug(i), level: LEVELS[i % LEVELS.length], from: "2020-01-01" });
  const chanceryQuery = `query W2($coalition: String!, $level: MeetingLevel!, $from: Date!) {
    meetings(filter: { coalitions: [$coalition], levels: [$level], from: $from }, first: 20) {
      totalCount nodes { slug title date level coalition { slug } } } }`;
  const postgraphileQuery = `query W2($coalition: String!, $level: String!, $from: Date!) {
    allMeetings(filter: { coalitionByCoalitionId: { slug: { equalTo: $coalition } }, level: { equalTo: $level },
      date: { greaterThanOrEqualTo: $from } }, orderBy: [DATE_DESC, SLUG_ASC], first: 20) {
      totalCount nodes { slug title date level coalitionByCoalitionId { slug } } } }`;
  return {
    id: "W2",
    title: "flat meetings(filter:) with three conditions (coalition, level, from), 20 per page",
    requests: {
      chancery: variants((i) => graphql(chanceryQuery, params(i))),
      postgraphile: variants((i) => graphql(postgraphileQuery, params(i))),
      plain: variants((i) => plain("/w2", params(i))),
    },
    normalize(server, answer) {
      const connection = server === "postgraphile" ? dig(answer, "data", "allMeetings") : dig(answer, "data", "meetings");
      const nodes = list(dig(connection, "nodes")).map((m) =>
        server === "postgraphile"
          ? { slug: m.slug, title: english(m.title), date: m.date, level: m.level, coalition: m.coalitionByCoalitionId }
          : m,
      );
      return { totalCount: dig(connection, "totalCount"), nodes };
    },
  };
}

function w3(size: DatasetSize): Workload {
  const ids = (i: number) => Array.from({ length: 10 }, (_, j) => 1 + ((i * 1009 + j * 1999) % size.meetings));
  const aliases = Array.from({ length: 10 }, (_, j) => `n${j}`);
  const selection = (coalitionField: string) => `... on Meeting { slug title date status ${coalitionField} { slug } }`;
  const query = (nodeIds: string[], coalitionField: string) =>
    `{ ${nodeIds.map((id, j) => `n${j}: node(id: "${id}") { ${selection(coalitionField)} }`).join(" ")} }`;
  return {
    id: "W3",
    title: "node(id) lookups: 10 meetings by global id in one request",
    requests: {
      chancery: variants((i) =>
        graphql(
          query(
            ids(i).map((n) => toGlobalId("Meeting", n)),
            "coalition",
          ),
          {},
        ),
      ),
      postgraphile: variants((i) => graphql(query(ids(i).map(postgraphileNodeId), "coalitionByCoalitionId"), {})),
      plain: variants((i) => plain("/w3", { ids: ids(i), aliases })),
    },
    normalize(server, answer) {
      return aliases.map((alias) => {
        const m = dig(answer, "data", alias) as Json | null | undefined;
        if (!m) return m ?? "missing";
        return server === "postgraphile"
          ? { slug: m.slug, title: english(m.title), date: m.date, status: m.status, coalition: m.coalitionByCoalitionId }
          : m;
      });
    },
  };
}

function w4(size: DatasetSize): Workload {
  const word = (i: number) => codeword((i * 137 + 11) % size.codewords);
  const chanceryQuery = `query W4($query: String!) { search(query: $query, types: [MEETING], first: 20) {
    totalCount nodes { node { ... on Meeting { slug title } } } } }`;
  const postgraphileQuery = `query W4($query: String!) { benchSearchMeetings(q: $query, first: 20) { totalCount nodes { slug title } } }`;
  return {
    id: "W4",
    title: "full-text search over meetings (a word in ~13 titles), 20 best",
    requests: {
      chancery: variants((i) => graphql(chanceryQuery, { query: word(i) })),
      postgraphile: variants((i) => graphql(postgraphileQuery, { query: word(i) })),
      plain: variants((i) => plain("/w4", { query: word(i) })),
    },
    normalize(server, answer) {
      // Equal ranks may come in any order: compare the set of hits.
      if (server === "postgraphile") {
        const connection = dig(answer, "data", "benchSearchMeetings");
        const hits = list(dig(connection, "nodes")).map((m) => ({ slug: m.slug, title: english(m.title) }));
        return { totalCount: dig(connection, "totalCount"), hits: sortedBy(hits, (h) => String(h.slug)) };
      }
      const connection = dig(answer, "data", "search");
      const hits = list(dig(connection, "nodes")).map((hit) => hit.node as Json);
      return { totalCount: dig(connection, "totalCount"), hits: sortedBy(hits, (h) => String(h.slug)) };
    },
  };
}

function w5(size: DatasetSize): Workload {
  const slugs = (i: number) =>
    Array.from({ length: 100 }, (_, j) =>
      j % 25 === 24 ? `no-such-meeting-${j}` : meetingSlug(1 + ((i * 1013 + j * 197) % size.meetings)),
    );
  const chanceryQuery = `query W5($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Meeting { slug title date status } } }`;
  const postgraphileQuery = `query W5($slugs: [String!]!) { allMeetings(filter: { slug: { in: $slugs } }) { nodes { slug title date status } } }`;
  return {
    id: "W5",
    title: "_entities: 100 Meeting references by slug (4 unknown); PostGraphile: allMeetings(filter: {slug: {in}})",
    requests: {
      chancery: variants((i) =>
        graphql(chanceryQuery, { representations: slugs(i).map((slug) => ({ __typename: "Meeting", slug })) }),
      ),
      postgraphile: variants((i) => graphql(postgraphileQuery, { slugs: slugs(i) })),
      plain: variants((i) => plain("/w5", { slugs: slugs(i) })),
    },
    normalize(server, answer, variant) {
      if (server !== "postgraphile") return dig(answer, "data", "_entities");
      // PostGraphile answers in its own order without the unknown ones: put them in the order asked.
      const bySlug = new Map(list(dig(answer, "data", "allMeetings", "nodes")).map((m) => [m.slug, m]));
      return slugs(variant).map((slug) => {
        const m = bySlug.get(slug);
        return m ? { slug: m.slug, title: english(m.title), date: m.date, status: m.status } : null;
      });
    },
  };
}

function w6(): Workload {
  const params = (i: number) => ({ coalition: coalitionSlug(i), from: "2024-01-01" });
  const chanceryQuery = `query W6($coalition: String!, $from: Date!) {
    meetingCounts(filter: { coalitions: [$coalition], from: $from }, by: [MONTH, TOPIC]) { month topic { slug } count } }`;
  const postgraphileQuery = `query W6($coalition: String!, $from: Date!) {
    benchMeetingCountsByMonthTopic(coalition: $coalition, since: $from) { nodes { month topicSlug count } } }`;
  return {
    id: "W6",
    title: "meetingCounts by MONTH and TOPIC for one coalition since 2024",
    requests: {
      chancery: variants((i) => graphql(chanceryQuery, params(i))),
      postgraphile: variants((i) => graphql(postgraphileQuery, params(i))),
      plain: variants((i) => plain("/w6", params(i))),
    },
    normalize(server, answer) {
      const rows =
        server === "postgraphile"
          ? list(dig(answer, "data", "benchMeetingCountsByMonthTopic", "nodes")).map((r) => [r.month, r.topicSlug, r.count])
          : list(dig(answer, "data", "meetingCounts")).map((r) => [r.month, dig(r, "topic", "slug"), r.count]);
      return sortedBy(rows, (r) => `${r[0]}|${r[1]}`);
    },
  };
}

/** Officials none of whose meetings is undated ((n - 1) % 50 === 1 at every scale), so "first 10 by date" means the same everywhere. */
const personSlug = (size: DatasetSize, i: number) => officialSlug(2 + 50 * ((i * 37 + 3) % Math.floor(size.officials / 50)));

function w7(size: DatasetSize): Workload {
  const chanceryQuery = `query W7($slug: String!) { official(slug: $slug) { slug name
    positions { title organization since until state { code } }
    meetings(first: 10) { totalCount nodes { slug title date
      participants { official { slug name } role representing { code } } } } } }`;
  const postgraphileQuery = `query W7($slug: String!) { officialBySlug(slug: $slug) { slug name
    positionsByOfficialId { nodes { title organization since until stateByStateId { code } } } }
    allMeetings(filter: { participantsByMeetingId: { some: { officialByOfficialId: { slug: { equalTo: $slug } } } } },
      orderBy: [DATE_DESC, SLUG_ASC], first: 10) { totalCount nodes { slug title date
      participantsByMeetingId { nodes { officialByOfficialId { slug name } role stateByRepresentingStateId { code } } } } } }`;
  const canonicalMeeting = (m: Json) => ({
    slug: m.slug,
    title: m.title,
    date: m.date,
    participants: sortedBy(list(m.participants), (p) => `${dig(p, "official", "slug")}|${p.role}`),
  });
  const fromPostgraphile = (answer: unknown): Json => {
    const official = dig(answer, "data", "officialBySlug") as Json;
    const meetings = dig(answer, "data", "allMeetings");
    return {
      slug: official.slug,
      name: english(official.name),
      positions: list(dig(official, "positionsByOfficialId", "nodes")).map((p) => ({
        title: english(p.title),
        organization: english(p.organization) ?? null,
        since: p.since,
        until: p.until,
        state: p.stateByStateId,
      })),
      meetings: {
        totalCount: dig(meetings, "totalCount"),
        nodes: list(dig(meetings, "nodes")).map((m) => ({
          slug: m.slug,
          title: english(m.title),
          date: m.date,
          participants: list(dig(m, "participantsByMeetingId", "nodes")).map((p) => ({
            official: { slug: dig(p, "officialByOfficialId", "slug"), name: english(dig(p, "officialByOfficialId", "name")) },
            role: p.role,
            representing: p.stateByRepresentingStateId,
          })),
        })),
      },
    };
  };
  return {
    id: "W7",
    title: "a person's page: official by slug → positions, first 10 meetings by date → participants",
    requests: {
      chancery: variants((i) => graphql(chanceryQuery, { slug: personSlug(size, i) })),
      postgraphile: variants((i) => graphql(postgraphileQuery, { slug: personSlug(size, i) })),
      plain: variants((i) => plain("/w7", { slug: personSlug(size, i) })),
    },
    normalize(server, answer) {
      const official = server === "postgraphile" ? fromPostgraphile(answer) : (dig(answer, "data", "official") as Json);
      return {
        slug: official.slug,
        name: official.name,
        positions: sortedBy(list(official.positions), (p) => `${p.since}|${p.title}`),
        totalCount: dig(official, "meetings", "totalCount"),
        meetings: list(dig(official, "meetings", "nodes")).map(canonicalMeeting),
      };
    },
  };
}

/** W8's representations: 40 meetings and 20 officials interleaved, as a gateway batches them (3 unknown). */
function entityReferences(size: DatasetSize, i: number): { __typename: string; slug: string }[] {
  return Array.from({ length: 60 }, (_, j) => {
    if (j % 3 === 2) {
      const slug = j === 29 ? "no-such-official" : officialSlug(1 + ((i * 211 + j * 53) % size.officials));
      return { __typename: "Official", slug };
    }
    const slug = j % 25 === 24 ? `no-such-meeting-${j}` : meetingSlug(1 + ((i * 1013 + j * 197) % size.meetings));
    return { __typename: "Meeting", slug };
  });
}

function w8(size: DatasetSize): Workload {
  // The selection of a gateway's fetch: __typename and the key with every type's fields.
  const chanceryQuery = `query W8($representations: [_Any!]!) { _entities(representations: $representations) {
    __typename ... on Meeting { slug title date status coalition { slug } } ... on Official { slug name } } }`;
  const postgraphileQuery = `query W8($meetings: [String!]!, $officials: [String!]!) {
    allMeetings(filter: { slug: { in: $meetings } }) { nodes { slug title date status coalitionByCoalitionId { slug } } }
    allOfficials(filter: { slug: { in: $officials } }) { nodes { slug name } } }`;
  const slugsOf = (i: number, type: string) =>
    entityReferences(size, i)
      .filter((r) => r.__typename === type)
      .map((r) => r.slug);
  return {
    id: "W8",
    title: "_entities as a gateway sends it: 40 Meeting and 20 Official references (3 unknown), __typename + fields",
    requests: {
      chancery: variants((i) => graphql(chanceryQuery, { representations: entityReferences(size, i) })),
      postgraphile: variants((i) =>
        graphql(postgraphileQuery, { meetings: slugsOf(i, "Meeting"), officials: slugsOf(i, "Official") }),
      ),
      plain: variants((i) =>
        plain("/w8", {
          types: entityReferences(size, i).map((r) => r.__typename),
          slugs: entityReferences(size, i).map((r) => r.slug),
        }),
      ),
    },
    normalize(server, answer, variant) {
      if (server !== "postgraphile") return dig(answer, "data", "_entities");
      const found = new Map<string, Json>();
      for (const m of list(dig(answer, "data", "allMeetings", "nodes")))
        found.set(`Meeting|${m.slug}`, {
          __typename: "Meeting",
          slug: m.slug,
          title: english(m.title),
          date: m.date,
          status: m.status,
          coalition: m.coalitionByCoalitionId,
        });
      for (const o of list(dig(answer, "data", "allOfficials", "nodes")))
        found.set(`Official|${o.slug}`, { __typename: "Official", slug: o.slug, name: english(o.name) });
      return entityReferences(size, variant).map((r) => found.get(`${r.__typename}|${r.slug}`) ?? null);
    },
  };
}

export function buildWorkloads(size: DatasetSize): Workload[] {
  return [w1(), w2(), w3(size), w4(size), w5(size), w6(), w7(size), w8(size)];
}
