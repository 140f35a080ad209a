/**
 * A record bundle of `meetings` generated meetings with every kind of part, and the states, topics,
 * sources, coalitions and officials they refer to (deterministic: the same size gives the same bundle).
 * Per meeting: 5 participants, 3 topics, 2 citations, a predecessor, an outcome (2 topics, 2 parties,
 * a citation) and a statement (a citation). Used by the import tests and `npm run bench:import`.
 */
export function generatedBundle(meetings: number, prefix = "gen") {
  const states = Array.from({ length: 26 }, (_, index) => `${String.fromCharCode(65 + index)}Q`);
  const topics = Array.from({ length: 40 }, (_, index) => `${prefix}-topic-${index}`);
  const sources = Array.from({ length: Math.max(5, Math.ceil(meetings / 20)) }, (_, index) => `${prefix}-source-${index}`);
  const officials = Array.from({ length: Math.max(10, Math.ceil(meetings / 10)) }, (_, index) => `${prefix}-official-${index}`);
  const coalitions = Array.from({ length: 10 }, (_, index) => `${prefix}-coalition-${index}`);
  const pick = <T>(list: T[], seed: number) => list[seed % list.length];
  const day = (index: number) => new Date(Date.UTC(2020, 0, 1) + (index % 2000) * 86_400_000).toISOString().slice(0, 10);
  return {
    sources: sources.map((slug, index) => ({ slug, kind: "NEWS_ARTICLE", title: `Article ${index}`, publishedAt: day(index) })),
    states: states.map((code) => ({ code, name: { en: `State ${code}`, de: `Staat ${code}` } })),
    topics: topics.map((slug, index) => ({ slug, name: `Topic ${index}`, parent: index < 5 ? null : pick(topics, index % 5) })),
    coalitions: coalitions.map((slug, index) => ({
      slug,
      name: `Coalition ${index}`,
      members: [0, 1, 2, 3, 4].map((offset) => ({ state: pick(states, index + offset * 3), sources: [pick(sources, index)] })),
    })),
    officials: officials.map((slug, index) => ({
      slug,
      name: `Official ${index}`,
      positions: [
        { title: `Minister ${index}`, state: pick(states, index), since: "2020-01-01", sources: [pick(sources, index)] },
        { title: { en: `Envoy ${index}` }, organization: "Ministry", state: pick(states, index + 1) },
      ],
    })),
    meetings: Array.from({ length: meetings }, (_, index) => ({
      slug: `${prefix}-meeting-${index}`,
      title: { en: `Meeting ${index}` },
      status: "HELD",
      coalition: pick(coalitions, index),
      date: day(index),
      format: "IN_PERSON",
      level: "MINISTERS",
      location: { city: `City ${index % 50}`, country: pick(states, index) },
      summary: `Summary of meeting ${index}`,
      participants: [0, 1, 2, 3, 4].map((offset) => ({
        official: pick(officials, index * 5 + offset),
        representing: pick(states, index + offset),
        role: offset === 0 ? "HOST" : "PARTICIPANT",
      })),
      topics: [0, 1, 2].map((offset) => pick(topics, index + offset * 7)),
      sources: [pick(sources, index), { source: pick(sources, index + 1), quote: `Quote ${index}`, quoteLang: "en" }],
      precededBy: index === 0 ? [] : [`${prefix}-meeting-${index - 1}`],
      outcomes: [
        {
          slug: `${prefix}-outcome-${index}`,
          kind: "DECISION",
          status: "AGREED",
          summary: `Decision ${index}`,
          topics: [pick(topics, index), pick(topics, index + 1)],
          parties: [pick(states, index), pick(states, index + 2)],
          sources: [pick(sources, index)],
        },
      ],
    })),
    statements: Array.from({ length: meetings }, (_, index) => ({
      official: pick(officials, index * 5),
      meeting: `${prefix}-meeting-${index}`,
      text: `Statement ${index} of ${prefix}`,
      lang: "en",
      madeOn: day(index),
      sources: [pick(sources, index)],
    })),
  };
}

/** The records and child rows a generated bundle of `meetings` meetings holds, by table. */
export function generatedCounts(meetings: number) {
  const officials = Math.max(10, Math.ceil(meetings / 10));
  const sources = Math.max(5, Math.ceil(meetings / 20));
  return {
    source: sources,
    state: 26,
    topic: 40,
    coalition: 10,
    official: officials,
    meeting: meetings,
    outcome: meetings,
    statement: meetings,
    membership: 50,
    position: officials * 2,
    participant: meetings * 5,
    meeting_topic: meetings * 3,
    meeting_sequence: meetings - 1,
    outcome_topic: meetings * 2,
    outcome_party: meetings * 2,
    citation: 50 + officials + meetings * 4,
  };
}
