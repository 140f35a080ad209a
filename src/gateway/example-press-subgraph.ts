import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { parse } from "graphql";
import { drainHttpServer } from "../http/shutdown";

/**
 * A second, independent subgraph, as another team would write it: press articles about Chancery's
 * meetings, kept in memory. It extends `Meeting` (by `slug`) with `pressCoverage` and `State` (by
 * `code`) with `pressArticleCount`, and points back at Chancery's `Meeting` from `Article.meeting`.
 * `npm run example:press` serves it for the gateway example; the federation tests use it too.
 */
export const PRESS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

"A press article (example subgraph)."
type Article @key(fields: "id") {
  id: ID!
  headline: String!
  "The Chancery meeting the article covers; null when Chancery does not know it."
  meeting: Meeting
}

type Meeting @key(fields: "slug") {
  slug: String!
  "Articles about this meeting."
  pressCoverage: [Article!]!
}

type State @key(fields: "code") {
  code: String!
  "How many articles name this state."
  pressArticleCount: Int!
}

type Query {
  articles: [Article!]!
}
`;

export interface Article {
  id: string;
  headline: string;
  meetingSlug: string;
  stateCodes: string[];
}

export interface PressSubgraph {
  url: string;
  close(): Promise<void>;
}

function pressResolvers(articles: Article[]) {
  return {
    Query: { articles: () => articles },
    Article: { meeting: (article: Article) => ({ __typename: "Meeting", slug: article.meetingSlug }) },
    Meeting: {
      __resolveReference: (meeting: { slug: string }) => ({ slug: meeting.slug }),
      pressCoverage: (meeting: { slug: string }) => articles.filter((article) => article.meetingSlug === meeting.slug),
    },
    State: {
      __resolveReference: (state: { code: string }) => ({ code: state.code }),
      pressArticleCount: (state: { code: string }) =>
        articles.filter((article) => article.stateCodes.includes(state.code)).length,
    },
  };
}

/**
 * Made-up articles about the demo records' meetings (seed/demo-records.json), and one about a meeting
 * Chancery does not know.
 */
export const EXAMPLE_ARTICLES: Article[] = [
  {
    id: "a1",
    headline: "Coalition chiefs of defence meet in Paris",
    meetingSlug: "coalition-chiefs-of-defence-paris-2026-01-06",
    stateCodes: ["FR", "GB", "UA", "US"],
  },
  {
    id: "a2",
    headline: "Leaders of the Coalition of the Willing gather in Paris",
    meetingSlug: "coalition-leaders-paris-2026-01-06",
    stateCodes: ["FR", "UA"],
  },
  {
    id: "a3",
    headline: "Zelensky and Macron talk in Paris",
    meetingSlug: "zelensky-macron-paris-2026-01-06",
    stateCodes: ["FR", "UA"],
  },
  { id: "a4", headline: "A meeting Chancery never heard of", meetingSlug: "unrecorded-meeting", stateCodes: [] },
];

/** Serves the subgraph at /graphql on `port` (0: a free one). */
export async function startPressSubgraph(articles: Article[], port = 0, host?: string): Promise<PressSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(PRESS_SDL), resolvers: pressResolvers(articles) }]);
  // Signals are handled by src/cli/example-press.ts (Apollo's handler would re-raise the signal).
  const apollo = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const app = express();
  app.use("/graphql", express.json(), expressMiddleware(apollo));
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}/graphql`,
    async close() {
      await drainHttpServer(server, 1000);
      await apollo.stop();
    },
  };
}
