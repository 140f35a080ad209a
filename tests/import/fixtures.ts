/** Small bundles in the contract's format, named after what they hold. */

export function parisChiefsBundle() {
  return {
    sources: [
      {
        slug: "rbc-test-article",
        kind: "NEWS_ARTICLE",
        publisher: "RBC-Ukraine",
        title: { ru: "Статья" },
        language: "ru",
        publishedAt: "2026-01-06",
      },
    ],
    states: [
      { code: "FR", name: { en: "France", ru: "Франция" } },
      { code: "GB", name: "United Kingdom" },
    ],
    topics: [
      { slug: "troop-deployment", name: "Troop deployment", parent: "security-guarantees" },
      { slug: "security-guarantees", name: "Security guarantees" },
    ],
    coalitions: [
      {
        slug: "test-coalition",
        name: { en: "Test coalition", ru: "Тестовая коалиция" },
        members: [{ state: "FR", role: "FOUNDER", since: "2025-03-02", sources: ["rbc-test-article"] }],
      },
    ],
    officials: [
      {
        slug: "fabien-mandon",
        name: { en: "Fabien Mandon", ru: "Фабьен Мандон" },
        positions: [{ title: "Chief of the Defence Staff", organization: "French Armed Forces", state: "FR" }],
      },
      { slug: "rich-knighton", name: "Rich Knighton" },
    ],
    meetings: [
      {
        slug: "chiefs-in-paris",
        title: { en: "Chiefs in Paris" },
        coalition: "test-coalition",
        date: "2026-01-06",
        status: "HELD",
        format: "IN_PERSON",
        level: "CHIEFS_OF_DEFENCE",
        location: { city: "Paris", country: "FR" },
        participants: [
          { official: "fabien-mandon", representing: "FR", role: "HOST", attendance: "IN_PERSON" },
          { official: "rich-knighton", representing: "GB" },
        ],
        topics: ["troop-deployment"],
        outcomes: [
          {
            slug: "chiefs-follow-up",
            kind: "FOLLOW_UP",
            status: "PROPOSED",
            summary: "Meet again",
            topics: ["security-guarantees"],
            parties: ["FR", "GB"],
            followUpMeeting: "chiefs-again",
            sources: [{ source: "rbc-test-article", quote: "цитата", quoteLang: "ru" }],
          },
        ],
        precededBy: [],
        sources: [{ source: "rbc-test-article", quote: "встреча в Париже", quoteLang: "ru" }],
      },
      { slug: "chiefs-again", title: "Chiefs again", status: "PLANNED", precededBy: ["chiefs-in-paris"] },
    ],
    statements: [
      {
        official: "fabien-mandon",
        meeting: "chiefs-in-paris",
        text: "Гарантии безопасности",
        lang: "ru",
        source: "rbc-test-article",
      },
    ],
  };
}

/** A bundle with one problem of each kind, at known paths. */
export function badBundle() {
  return {
    states: [{ code: "FR", name: 42 }],
    topics: [{ name: "No slug here" }],
    meetings: [
      {
        slug: "bad-meeting",
        title: "Bad meeting",
        status: "FINISHED",
        date: "2026-02-30",
        participants: [{ official: "nobody-known", representing: "FR" }],
      },
    ],
  };
}
