import "reflect-metadata";
import { type GraphQLSchema, isAbstractType } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { authChecker } from "../auth/auth-checker";
import { resolvers } from "../resolvers";
import { toSubgraphSchema } from "./subgraph-schema";

/** One instance per resolver class, found by a map lookup (type-graphql's default container searches a list per field). */
const instances = new Map<Function, unknown>();
const container = {
  get(resolverClass: new () => unknown): unknown {
    if (!instances.has(resolverClass)) instances.set(resolverClass, new resolverClass());
    return instances.get(resolverClass);
  },
};

/**
 * type-graphql insists on a PubSub once a schema has subscriptions; Chancery's read the change history
 * (each `@Subscription` has its own `subscribe`, src/resolvers/live.subscription.ts), so topics do not exist.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error("subscriptions follow the change history (src/live/); there are no topics to publish to");
  },
  subscribe() {
    throw new Error("subscriptions follow the change history (src/live/); there are no topics to subscribe to");
  },
};

/** The type-graphql schema: every resolver class with its validation, auth checker and middlewares. */
export async function buildTypeGraphqlSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
    authChecker,
    authMode: "error",
    container,
    pubSub: NO_TOPICS,
  });
  describeRootTypes(schema);
  return schema;
}

/** type-graphql has no decorator for the root types' descriptions; the IDE's docs open on them. */
function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  if (query) {
    query.description =
      "Reading the records: lookups by human key or global id, connections with filters, counts, full-text search and saved queries.";
  }
  const subscription = schema.getSubscriptionType();
  if (subscription) {
    subscription.description =
      "Live updates over WebSocket at /graphql (graphql-ws protocol): changes in commit order, resumable from a history cursor with `after`.";
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      "Changing the records (EDITOR and above): create, update with expectedVersion, delete with cascade, nested parts, imports and saved queries. Each mutation is one transaction.";
  }
}

/**
 * A union's or interface's value may be an object built in SQL (src/queries/projection), which names its type in
 * `__typename` (as graphql-js's default type resolver reads it); type-graphql's resolvers know class instances only.
 * Set here, not with type-graphql's `resolveType` option, which makes the resolver async (graphql-jit awaits none).
 */
function resolveNamedTypes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType) continue;
    const byClass = type.resolveType;
    type.resolveType = (value, context, info, abstractType) =>
      (value as { __typename?: string }).__typename ?? byClass(value, context, info, abstractType);
  }
}

/** Builds the executable schema once per process: the type-graphql schema served as a Federation 2 subgraph. */
export async function buildChancerySchema(): Promise<GraphQLSchema> {
  const schema = toSubgraphSchema(await buildTypeGraphqlSchema());
  resolveNamedTypes(schema);
  return schema;
}
