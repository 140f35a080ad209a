import type { FixtureMeeting, FixtureRecords, Text } from "./fixture-records";

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  some<T>(items: readonly T[], max: number): T[] {
    const count = this.int(max + 1);
    const chosen = new Set<T>();
    for (let i = 0; i < count; i += 1) chosen.add(this.pick(items));
    return [...chosen];
  }
}

export const STATE_CODES = ["FR", "GB", "UA", "DE", "PL", "IT", "US", "CA"] as const;
export const COALITION_SLUGS = ["coalition-a", "coalition-b", "coalition-c"] as const;
/** A topic tree: [slug, parent]. */
export const TOPIC_TREE: [string, string | null][] = [
  ["security", null],
  ["troops", "security"],
  ["air", "troops"],
  ["naval", "troops"],
  ["guarantees", "security"],
  ["economy", null],
  ["sanctions", "economy"],
  ["energy", "economy"],
  ["grain", "energy"],
  ["humanitarian", null],
];
export const OFFICIAL_SLUGS = Array.from({ length: 12 }, (_, index) => `official-${index}`);
export const SOURCE_KINDS = ["NEWS_ARTICLE", "SOCIAL_POST", "OFFICIAL_STATEMENT", "COMMUNIQUE", "TRANSCRIPT", "OTHER"] as const;
export const SOURCE_SLUGS = Array.from({ length: 10 }, (_, index) => `source-${index}`);
export const STATUSES = ["PLANNED", "HELD", "CANCELLED", "POSTPONED"] as const;
export const FORMATS = ["IN_PERSON", "VIDEO_CONFERENCE", "HYBRID", "PHONE_CALL"] as const;
export const LEVELS = ["HEADS_OF_STATE", "MINISTERS", "CHIEFS_OF_DEFENCE", "SENIOR_OFFICIALS", "EXPERTS"] as const;
/** Words whose every form used here stems to itself alone, so "contains the word" is exactly what full-text search does. */
export const ENGLISH_WORDS = [
  "ceasefire",
  "drones",
  "airspace",
  "harvest",
  "pipeline",
  "corridor",
  "monitoring",
  "reconstruction",
] as const;
export const RUSSIAN_WORDS = ["перемирие", "дроны", "коридор", "урожай", "трубопровод"] as const;

export function sourceKindOf(slug: string): string {
  return SOURCE_KINDS[Number(slug.split("-")[1]) % SOURCE_KINDS.length];
}
export function officialStateOf(slug: string): string {
  return STATE_CODES[Number(slug.split("-")[1]) % STATE_CODES.length];
}

function words(random: Random): Text {
  const text: Text = { en: `Meeting ${random.some(ENGLISH_WORDS, 3).join(" ")}` };
  if (random.chance(0.4)) text.ru = `Встреча ${random.some(RUSSIAN_WORDS, 2).join(" ")}`;
  return text;
}

function randomDate(random: Random): Pick<FixtureMeeting, "date" | "datePrecision"> {
  if (random.chance(0.1)) return { date: null };
  const year = 2023 + random.int(4);
  const month = 1 + random.int(12);
  const day = 1 + random.int(28);
  const pad = (value: number) => String(value).padStart(2, "0");
  const roll = random.next();
  if (roll < 0.08) return { date: `${year}-01-01`, datePrecision: "YEAR" };
  if (roll < 0.25) return { date: `${year}-${pad(month)}-01`, datePrecision: "MONTH" };
  return { date: `${year}-${pad(month)}-${pad(day)}`, datePrecision: "DAY" };
}

function randomMeeting(random: Random, index: number): FixtureMeeting {
  const slug = `meeting-${String(index).padStart(4, "0")}`;
  return {
    slug,
    title: words(random),
    summary: random.chance(0.7) ? words(random) : undefined,
    ...randomDate(random),
    status: random.pick(STATUSES),
    format: random.chance(0.1) ? null : random.pick(FORMATS),
    level: random.chance(0.1) ? null : random.pick(LEVELS),
    locatedIn: random.chance(0.2) ? null : random.pick(STATE_CODES),
    coalition: random.chance(0.25) ? null : random.pick(COALITION_SLUGS),
    topics: random.some(
      TOPIC_TREE.map(([topic]) => topic),
      3,
    ),
    participants: random.some(OFFICIAL_SLUGS, 4).map((official) => ({ official, state: officialStateOf(official) })),
    sources: random.some(SOURCE_SLUGS, 3),
    outcomes: Array.from({ length: random.int(3) }, (_, outcome) => ({
      slug: `${slug}-outcome-${outcome}`,
      kind: "STATEMENT",
      status: "AGREED",
      summary: { en: `Outcome ${random.some(ENGLISH_WORDS, 2).join(" ")}` },
      sources: random.some(SOURCE_SLUGS, 1),
    })),
    createdAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  };
}

/** `count` meetings with coalitions, a topic tree, officials and sources, all from `seed`. */
export function generateRecords(seed: number, count: number): FixtureRecords {
  const random = new Random(seed);
  return {
    states: STATE_CODES.map((code) => ({ code, name: { en: `State ${code}` } })),
    topics: TOPIC_TREE.map(([slug, parent]) => ({ slug, name: { en: slug }, ...(parent ? { parent } : {}) })),
    coalitions: COALITION_SLUGS.map((slug) => ({ slug, name: { en: slug } })),
    officials: OFFICIAL_SLUGS.map((slug) => ({
      slug,
      name: { en: slug },
      positions: [{ title: { en: "Minister" }, state: officialStateOf(slug) }],
    })),
    sources: SOURCE_SLUGS.map((slug) => ({ slug, kind: sourceKindOf(slug), title: { en: slug } })),
    meetings: Array.from({ length: count }, (_, index) => randomMeeting(random, index)),
  };
}
