import { GraphQLScalarType } from "graphql";
import { GraphQLDateTime, GraphQLLocalDate } from "graphql-scalars";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const localDate = GraphQLLocalDate.toConfig();

/**
 * A calendar day as an ISO 8601 `YYYY-MM-DD` string; the value stays a string end to end (no time zone shifts).
 * Input is checked in full (`2026-02-30` is rejected). Output comes from PostgreSQL's `date`, valid by
 * construction, so a value of the right shape is sent as it is: the full check builds two Date objects per value.
 */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: "Date",
  description: "A calendar date in ISO 8601 form, `YYYY-MM-DD` (e.g. `2026-01-06`).",
  serialize: (value) => (typeof value === "string" && DAY.test(value) ? value : localDate.serialize(value)),
});

/** An instant, serialized as an ISO 8601 / RFC 3339 date-time at UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  name: "DateTime",
  description: "An instant in ISO 8601 / RFC 3339 form at UTC, e.g. `2026-01-06T10:15:30.000Z`.",
});
