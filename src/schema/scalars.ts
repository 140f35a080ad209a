import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { GraphQLDateTime, GraphQLLocalDate } from "graphql-scalars";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const localDate = GraphQLLocalDate.toConfig();

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether `text` is a day the `Date` scalar accepts: `YYYY-MM-DD`, a real calendar day, from 0001-01-01 to
 * 9999-12-31. RFC 3339's full-date has four-digit years (0000-9999) and PostgreSQL's `date` holds 4713 BC to
 * 5874897 AD but has no year 0, so the years both can hold are 1 to 9999.
 */
export function isAcceptedDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseDay(value: unknown, node?: ValueNode): string {
  if (typeof value === "string" && isAcceptedDay(value)) return value;
  const got = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : "a value that is not a string";
  throw new GraphQLError(`Date must be a calendar day YYYY-MM-DD from 0001-01-01 to 9999-12-31 (got ${got})`, {
    nodes: node,
  });
}

/**
 * A calendar day as an ISO 8601 `YYYY-MM-DD` string; the value stays a string end to end (no time zone shifts).
 * Input is checked in full (`2026-02-30` and year 0000 are rejected). Output comes from PostgreSQL's `date`, valid
 * by construction, so a value of the right shape is sent as it is: the full check builds two Date objects per value.
 */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: "Date",
  description:
    "A calendar date in ISO 8601 form, `YYYY-MM-DD` (e.g. `2026-01-06`), from `0001-01-01` to `9999-12-31`: " +
    "four-digit years as in RFC 3339, without year 0000, which PostgreSQL's `date` cannot store. " +
    "Any other value (`2026-02-30`, `0000-01-01`, `10000-01-01`) is a BAD_USER_INPUT error.",
  serialize: (value) => (typeof value === "string" && DAY.test(value) ? value : localDate.serialize(value)),
  parseValue: (value) => parseDay(value),
  parseLiteral: (node) => parseDay(node.kind === Kind.STRING ? node.value : null, node),
});

const dateTime = GraphQLDateTime.toConfig();

/**
 * An instant within the years 0001-9999 at UTC: `9999-12-31T23:59:59-23:59` is in year 10000 at UTC and would be
 * answered as `+010000-…`, and year 0000 is 1 BC to PostgreSQL; both are refused, so every instant accepted comes
 * back in the same RFC 3339 form.
 */
function withinYears(value: unknown, node?: ValueNode): unknown {
  const year = value instanceof Date ? value.getUTCFullYear() : Number.NaN;
  if (year >= 1 && year <= 9999) return value;
  throw new GraphQLError("DateTime must fall between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z", { nodes: node });
}

/** An instant, serialized as an ISO 8601 / RFC 3339 date-time at UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  name: "DateTime",
  description:
    "An instant in ISO 8601 / RFC 3339 form at UTC, e.g. `2026-01-06T10:15:30.000Z`; as input any RFC 3339 offset, " +
    "from `0001-01-01T00:00:00Z` to `9999-12-31T23:59:59.999Z` (at UTC). Any other value is a BAD_USER_INPUT error.",
  parseValue: (value) => withinYears(dateTime.parseValue(value)),
  parseLiteral: (node, variables) => withinYears(dateTime.parseLiteral(node, variables), node),
});
