import type { DataSource } from "typeorm";
import { importBundle } from "../../src/import/import-bundle";

/**
 * A small bundle in the contract's format that answers the canonical question: one Coalition of the
 * Willing meeting on troop deployment (a sub-topic of security guarantees), after the seed article.
 */
const ideBundle = {
  sources: [
    {
      slug: "rbc-2026-01-06-chiefs",
      kind: "NEWS_ARTICLE",
      publisher: "RBC-Ukraine",
      title: { ru: "Начальники генштабов коалиции желающих обсудили гарантии безопасности" },
      url: "https://www.rbc.ua/rus/news/2026-01-06-chiefs",
      language: "ru",
      publishedAt: "2026-01-06",
    },
  ],
  states: [
    { code: "FR", name: { en: "France", ru: "Франция" } },
    { code: "GB", name: { en: "United Kingdom", ru: "Великобритания" } },
  ],
  topics: [
    { slug: "security-guarantees", name: "Security guarantees" },
    { slug: "troop-deployment", name: "Troop deployment", parent: "security-guarantees" },
  ],
  coalitions: [
    {
      slug: "coalition-of-the-willing",
      name: { en: "Coalition of the Willing", ru: "Коалиция желающих" },
      members: [
        { state: "FR", role: "MEMBER", since: "2025-03-02", sources: [] },
        { state: "GB", role: "MEMBER", since: "2025-03-02", sources: [] },
      ],
    },
  ],
  officials: [
    { slug: "fabien-mandon", name: { en: "Fabien Mandon", ru: "Фабьен Мандон" }, positions: [] },
    { slug: "richard-knighton", name: { en: "Richard Knighton", ru: "Ричард Найтон" }, positions: [] },
  ],
  meetings: [
    {
      slug: "2026-01-06-cotw-chiefs-of-defence",
      title: { en: "Coalition of the Willing chiefs of defence on security guarantees" },
      coalition: "coalition-of-the-willing",
      date: "2026-01-06",
      datePrecision: "DAY",
      status: "HELD",
      format: "VIDEO_CONFERENCE",
      level: "CHIEFS_OF_DEFENCE",
      location: { city: "Paris", country: "FR" },
      participants: [
        { official: "fabien-mandon", representing: "FR", role: "HOST", attendance: "IN_PERSON" },
        { official: "richard-knighton", representing: "GB", role: "PARTICIPANT", attendance: "IN_PERSON" },
      ],
      topics: ["troop-deployment"],
      summary: { en: "Security guarantees for Ukraine and a possible deployment of foreign troops after a ceasefire." },
      outcomes: [],
      precededBy: [],
      sources: [{ source: "rbc-2026-01-06-chiefs", quote: "Гарантии безопасности в Украине", quoteLang: "ru" }],
    },
  ],
};

export async function seedIdeFixture(dataSource: DataSource): Promise<void> {
  await importBundle(dataSource, ideBundle, { actor: "ide-test" });
}
