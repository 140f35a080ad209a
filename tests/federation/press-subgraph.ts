import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { parse } from "graphql";

/**
 * A second, independent subgraph, as another team would write it: press articles about Chancery's
 * meetings. It extends `Meeting` (by `slug`) with `pressCoverage` and `State` (by `code`) with
 * `pressArticleCount`, and points back at Chancery's `Meeting` from `Article.meeting`.
 */
export const PRESS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

"A press article (test subgraph)."
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

export async function startPressSubgraph(articles: Article[]): Promise<PressSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(PRESS_SDL), resolvers: pressResolvers(articles) }]);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const app = express();
  app.use("/graphql", express.json(), expressMiddleware(apollo));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://localhost:${port}/graphql`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
