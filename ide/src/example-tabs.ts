/**
 * The tabs a first-time visitor sees: the question the product exists for (docs/api.md) first, then a
 * few more that show participants, aggregates, Russian full-text search and global ids.
 * Pure data (no DOM), so the test suite validates every example against the live schema.
 */
export interface ExampleTab {
  /** What the example shows, for people reading the code and the test output. */
  purpose: string;
  query: string;
  /** JSON text for the variables editor. */
  variables?: string;
}

export const meetingsLive = `# Live updates: the coalition's meetings as they are created,
# changed or deleted, over WebSocket. Run it, then change a meeting
# (with an EDITOR key) in another tab. Put the last "cursor" you
# received in "after" to resume without missing a change.
subscription CoalitionMeetingsLive($after: String) {
  meetingsChanged(filter: { coalitions: ["coalition-of-the-willing"] }, after: $after) {
    cursor
    change { action occurredAt actor changedFields }
    meeting { slug title date status }
  }
}
`;

export const canonicalQuestion = `# The question Chancery exists for: the Coalition of the
# Willing's meetings on troop deployment (or a sub-topic):
# who took part, what came out of it, and the sources.
# Run it with the play button or Ctrl-Enter.
# To write or save queries, put your API key in Headers:
#   { "Authorization": "Bearer <your API key>" }
query TroopDeploymentMeetings {
  coalition(slug: "coalition-of-the-willing") {
    meetings(filter: { topics: ["troop-deployment"] }) {
      totalCount
      nodes {
        slug
        title
        date
        format
        location { city country { code } }
        participants {
          official { name }
          representing { code }
          role
        }
        topics { slug }
        outcomes { kind summary }
        sources { source { publisher url } quote }
      }
    }
  }
}
`;

const participantsByState = `# Meetings in which the given states took part,
# and who represented which state.
query ParticipantsByState($states: [String!]) {
  meetings(filter: { states: $states }, first: 10) {
    totalCount
    nodes {
      slug
      title
      date
      participants {
        representing { code name }
        official { name }
        role
        attendance
      }
    }
  }
}
`;

const meetingCountsByMonth = `# How many meetings the coalition held per month
# (an aggregate for analysts).
query MeetingsPerMonth($filter: MeetingFilter) {
  meetingCounts(filter: $filter, by: [MONTH]) {
    month
    count
  }
}
`;

const searchInRussian = `# Full-text search in Russian, stemmed: "гарантиями"
# finds "гарантии". Snippets and names come back in Russian.
query SearchInRussian($query: String!) {
  search(query: $query, lang: "ru", first: 10) {
    totalCount
    nodes {
      rank
      snippet
      node {
        __typename
        ... on Meeting { slug title(lang: "ru") date }
        ... on Outcome { slug kind summary(lang: "ru") }
        ... on Statement { text official { name(lang: "ru") } }
        ... on Official { slug name(lang: "ru") }
        ... on Source { slug title publisher }
      }
    }
  }
}
`;

const nodeLookup = `# Every record has a global id that node(id:) resolves.
# Run "FranceId", copy its id into the variables,
# then run "NodeLookup".
query FranceId {
  state(code: "FR") { id name }
}

query NodeLookup($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on State { code name names { lang text } }
    ... on Meeting { slug title date }
    ... on Official { slug name }
  }
}
`;

export const exampleTabs: ExampleTab[] = [
  { purpose: "the canonical question", query: canonicalQuestion },
  { purpose: "a meeting's participants by state", query: participantsByState, variables: '{ "states": ["FR", "GB"] }' },
  {
    purpose: "meetingCounts by month",
    query: meetingCountsByMonth,
    variables: '{ "filter": { "coalitions": ["coalition-of-the-willing"] } }',
  },
  { purpose: "search in Russian", query: searchInRussian, variables: '{ "query": "гарантиями безопасности" }' },
  { purpose: "node lookup", query: nodeLookup, variables: '{ "id": "" }' },
  { purpose: "live meetings of a coalition", query: meetingsLive, variables: '{ "after": null }' },
];
