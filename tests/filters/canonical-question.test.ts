import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { seedDemoRecords } from "../../src/import/seed";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
before(async () => {
  server = await startTestServer();
  await seedDemoRecords(server.db.dataSource);
});
after(() => server.close());

interface CanonicalMeeting {
  slug: string;
  title: string;
  date: string | null;
  format: string | null;
  location: { city: string | null; country: { code: string } | null } | null;
  participants: { official: { name: string }; representing: { code: string } | null; role: string }[];
  topics: { slug: string }[];
  outcomes: { kind: string; summary: string }[];
  sources: { source: { publisher: string | null; url: string | null }; quote: string | null }[];
}

test("the contract's canonical question, in one request, on the demo records", async () => {
  const { body } = await server.graphql<{ coalition: { meetings: { totalCount: number; nodes: CanonicalMeeting[] } } }>(
    `{ coalition(slug: "coalition-of-the-willing") {
        meetings(filter: { topics: ["troop-deployment"] }) {
          totalCount
          nodes { slug title date format location { city country { code } }
                  participants { official { name } representing { code } role }
                  topics { slug } outcomes { kind summary } sources { source { publisher url } quote } } } } }`,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const meetings = body.data?.coalition.meetings;
  assert.equal(meetings?.totalCount, 1);
  const [meeting] = meetings?.nodes ?? [];
  assert.equal(meeting.slug, "coalition-leaders-paris-2026-01-06");
  assert.equal(meeting.date, "2026-01-06");
  assert.ok(meeting.topics.some((topic) => topic.slug === "troop-deployment"));
  assert.ok(meeting.participants.length > 0 && meeting.outcomes.length > 0 && meeting.sources.length > 0);
});

test("a parent topic finds the meetings tagged with it or its descendants", async () => {
  const { body } = await server.graphql<{ meetings: { nodes: { slug: string }[] } }>(
    `{ meetings(filter: { coalitions: ["coalition-of-the-willing"], topics: ["security-guarantees"] }) { nodes { slug } } }`,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.deepEqual(body.data?.meetings.nodes.map((node) => node.slug).sort(), [
    "coalition-chiefs-of-defence-paris-2026-01-06",
    "coalition-chiefs-video-conference-2026-01-06",
    "coalition-leaders-paris-2026-01-06",
  ]);
});

test("Russian words in another case find the Russian demo records", async () => {
  const { body } = await server.graphql<{
    meetings: { nodes: { slug: string }[] };
    search: { nodes: { snippet: string | null; node: { __typename: string } }[] };
  }>(
    `{ meetings(filter: { text: "начальникам штабов" }) { nodes { slug } }
       search(query: "гарантиям безопасности", types: [STATEMENT], lang: "ru") { nodes { snippet node { __typename } } } }`,
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.deepEqual(body.data?.meetings.nodes.map((node) => node.slug).sort(), [
    "coalition-chiefs-of-defence-paris-2026-01-06",
    "coalition-chiefs-video-conference-2026-01-06",
  ]);
  const [hit] = body.data?.search.nodes ?? [];
  assert.equal(hit?.node.__typename, "Statement");
  assert.match(hit?.snippet ?? "", /<b>Гарантии<\/b> <b>безопасности<\/b>/);
});
