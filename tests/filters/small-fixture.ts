import type { FixtureRecords } from "./fixture-records";

/**
 * Five meetings that between them exercise every MeetingFilter field:
 * - chiefs-2026-01-06: CoW, 2026-01-06 (DAY), HELD, VIDEO_CONFERENCE, CHIEFS_OF_DEFENCE, in FR, troop-deployment, FR+GB, 2 sources; Russian text
 * - leaders-2026-01: CoW, January 2026 (MONTH), HELD, HYBRID, HEADS_OF_STATE, in GB, security-guarantees, UA+DE, 1 social post
 * - bilateral-2025-06-10: no coalition, 2025-06-10, HELD, PHONE_CALL, HEADS_OF_STATE, no location, sanctions, UA+DE, no source
 * - ministers-planned: CoW, no date, PLANNED, no format, MINISTERS, air-policing, nobody, an outcome about air policing
 * - weimar-2024: weimar, 2024 (YEAR), CANCELLED, IN_PERSON, EXPERTS, in DE, no topic, FR, 3 sources (one cited twice)
 */
export const smallFixture: FixtureRecords = {
  states: [
    { code: "FR", name: { en: "France", ru: "Франция" } },
    { code: "GB", name: { en: "United Kingdom", ru: "Великобритания" } },
    { code: "UA", name: { en: "Ukraine", ru: "Украина", uk: "Україна" } },
    { code: "DE", name: { en: "Germany", ru: "Германия" } },
    { code: "PL", name: { en: "Poland", ru: "Польша" } },
  ],
  topics: [
    { slug: "security-guarantees", name: { en: "Security guarantees", ru: "Гарантии безопасности" } },
    { slug: "troop-deployment", name: { en: "Troop deployment" }, parent: "security-guarantees" },
    { slug: "air-policing", name: { en: "Air policing" }, parent: "troop-deployment" },
    { slug: "sanctions", name: { en: "Sanctions", ru: "Санкции" } },
  ],
  coalitions: [
    {
      slug: "coalition-of-the-willing",
      name: { en: "Coalition of the Willing", ru: "Коалиция желающих" },
      foundedOn: "2025-03-02",
      members: [
        { state: "FR", role: "FOUNDER", since: "2025-03-02" },
        { state: "GB", role: "FOUNDER", since: "2025-03-02" },
        { state: "UA", since: "2025-03-02" },
        { state: "DE", since: "2025-03-02", until: "2025-12-31" },
      ],
    },
    {
      slug: "weimar-triangle",
      name: { en: "Weimar Triangle" },
      foundedOn: "1991-08-28",
      members: [{ state: "FR" }, { state: "DE" }, { state: "PL" }],
    },
  ],
  officials: [
    {
      slug: "fabien-mandon",
      name: { en: "Fabien Mandon", ru: "Фабьен Мандон" },
      positions: [{ title: { en: "Chief of the Defence Staff" }, state: "FR", since: "2025-09-01" }],
    },
    {
      slug: "tony-radakin",
      name: { en: "Tony Radakin", ru: "Тони Радакин" },
      positions: [{ title: { en: "Chief of the Defence Staff" }, state: "GB", since: "2021-11-30", until: "2025-09-29" }],
    },
    {
      slug: "volodymyr-zelensky",
      name: { en: "Volodymyr Zelensky", ru: "Владимир Зеленский", uk: "Володимир Зеленський" },
      positions: [{ title: { en: "President of Ukraine" }, state: "UA", since: "2019-05-20" }],
    },
    {
      slug: "friedrich-merz",
      name: { en: "Friedrich Merz" },
      positions: [{ title: { en: "Chancellor" }, state: "DE", since: "2025-05-06" }],
    },
  ],
  sources: [
    {
      slug: "rbc-chiefs",
      kind: "NEWS_ARTICLE",
      title: { ru: "Начальники штабов обсудили гарантии" },
      publisher: "RBC-Ukraine",
      language: "ru",
      publishedAt: "2026-01-06T12:00:00Z",
    },
    {
      slug: "elysee-chiefs",
      kind: "OFFICIAL_STATEMENT",
      title: { fr: "Réunion des chefs d'état-major" },
      publisher: "Élysée",
      language: "fr",
      publishedAt: "2026-01-07T08:00:00Z",
    },
    {
      slug: "x-leaders",
      kind: "SOCIAL_POST",
      title: { en: "Leaders agree on monitoring" },
      publisher: "X",
      language: "en",
      publishedAt: "2025-12-31T23:30:00Z",
    },
  ],
  meetings: [
    {
      slug: "chiefs-2026-01-06",
      title: { en: "Chiefs of defence on the multinational force", ru: "Начальники штабов о многонациональных силах" },
      summary: { ru: "Обсуждены гарантии безопасности и развертывание войск" },
      date: "2026-01-06",
      status: "HELD",
      format: "VIDEO_CONFERENCE",
      level: "CHIEFS_OF_DEFENCE",
      locatedIn: "FR",
      city: "Paris",
      coalition: "coalition-of-the-willing",
      topics: ["troop-deployment"],
      participants: [
        { official: "fabien-mandon", state: "FR" },
        { official: "tony-radakin", state: "GB" },
      ],
      sources: ["rbc-chiefs", "elysee-chiefs"],
      outcomes: [
        {
          slug: "chiefs-plan",
          kind: "DECISION",
          status: "AGREED",
          summary: { en: "Plans for deploying a multinational force were approved" },
          topics: ["troop-deployment"],
          parties: ["FR", "GB"],
          sources: ["x-leaders"],
        },
      ],
      createdAt: "2026-01-07T00:00:00Z",
    },
    {
      slug: "leaders-2026-01",
      title: { en: "Leaders on ceasefire monitoring" },
      summary: { en: "Leaders discussed security guarantees and monitoring of a ceasefire" },
      date: "2026-01-01",
      datePrecision: "MONTH",
      status: "HELD",
      format: "HYBRID",
      level: "HEADS_OF_STATE",
      locatedIn: "GB",
      city: "London",
      coalition: "coalition-of-the-willing",
      topics: ["security-guarantees"],
      participants: [
        { official: "volodymyr-zelensky", state: "UA" },
        { official: "friedrich-merz", state: "DE" },
      ],
      sources: ["x-leaders"],
      createdAt: "2026-01-02T00:00:00Z",
    },
    {
      slug: "bilateral-2025-06-10",
      title: { en: "Phone call on sanctions", uk: "Телефонна розмова про санкції" },
      date: "2025-06-10",
      status: "HELD",
      format: "PHONE_CALL",
      level: "HEADS_OF_STATE",
      topics: ["sanctions"],
      participants: [
        { official: "volodymyr-zelensky", state: "UA" },
        { official: "friedrich-merz", state: "DE" },
      ],
      createdAt: "2025-06-11T00:00:00Z",
    },
    {
      slug: "ministers-planned",
      title: { en: "Defence ministers' meeting" },
      date: null,
      status: "PLANNED",
      format: null,
      level: "MINISTERS",
      coalition: "coalition-of-the-willing",
      topics: ["air-policing"],
      outcomes: [
        {
          slug: "ministers-air",
          kind: "FOLLOW_UP",
          status: "PROPOSED",
          summary: { en: "An air policing mission over western Ukraine" },
          topics: ["air-policing"],
          parties: ["PL"],
        },
      ],
      createdAt: "2026-01-08T00:00:00Z",
    },
    {
      slug: "weimar-2024",
      title: { en: "Weimar experts' round", de: "Expertenrunde des Weimarer Dreiecks" },
      date: "2024-01-01",
      datePrecision: "YEAR",
      status: "CANCELLED",
      format: "IN_PERSON",
      level: "EXPERTS",
      locatedIn: "DE",
      city: "Berlin",
      coalition: "weimar-triangle",
      participants: [{ official: "fabien-mandon", state: "FR" }],
      sources: ["rbc-chiefs", "elysee-chiefs", "x-leaders"],
      createdAt: "2024-02-01T00:00:00Z",
    },
  ],
  statements: [
    {
      official: "fabien-mandon",
      meeting: "chiefs-2026-01-06",
      text: "Мы готовы обеспечить гарантии безопасности",
      lang: "ru",
      madeOn: "2026-01-06",
      source: "rbc-chiefs",
    },
    {
      official: "friedrich-merz",
      meeting: "leaders-2026-01",
      text: "We will monitor the ceasefire together",
      lang: "en",
      madeOn: "2026-01-10",
      source: "x-leaders",
    },
  ],
};
