import { GraphQLScalarType } from "graphql";
import { GraphQLDateTime, GraphQLLocalDate } from "graphql-scalars";

/** A calendar day as an ISO 8601 `YYYY-MM-DD` string; the value stays a string end to end (no time zone shifts). */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: "Date",
  description: "A calendar date in ISO 8601 form, `YYYY-MM-DD` (e.g. `2026-01-06`).",
});

/** An instant, serialized as an ISO 8601 / RFC 3339 date-time at UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  name: "DateTime",
  description: "An instant in ISO 8601 / RFC 3339 form at UTC, e.g. `2026-01-06T10:15:30.000Z`.",
});
