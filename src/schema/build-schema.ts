import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import { resolvers } from "../resolvers";
import { toSubgraphSchema } from "./subgraph-schema";

/** The type-graphql schema: every resolver class with its validation, auth checker and middlewares. */
export async function buildTypeGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
    authChecker,
    authMode: "error",
  });
}

/** Builds the executable schema once per process: the type-graphql schema served as a Federation 2 subgraph. */
export async function buildChancerySchema(): Promise<GraphQLSchema> {
  return toSubgraphSchema(await buildTypeGraphqlSchema());
}
