import { badInput } from "../errors";
import { isAcceptedDay } from "../schema/scalars";

/** Where an item sits in one order: its sort value (as PostgreSQL prints it, null for none) and its unique tie-breaker. */
export interface CursorPosition {
  key: string | null;
  tie: string;
}

/** The SQL type a cursor's sort value is compared as (it is bound, then cast, so it must be one PostgreSQL accepts). */
export type CursorKeyType = "date" | "timestamptz" | "text" | "real";

/** What the cursors of one order hold; every field a client sends back is checked against it before any SQL. */
export interface CursorShape {
  /** The order's name, e.g. `meeting:DATE:DESC`: a cursor of another order is refused. */
  order: string;
  /** The sort value's type; null for an order by the tie-breaker alone (the value must then be null). */
  key: CursorKeyType | null;
  /** Whether the sort value may be null (rows with no value, e.g. meetings with no date). */
  nullableKey: boolean;
  /** Why a tie-breaker is refused, or null when it is fine (any text without NUL when absent). */
  tieProblem?: (tie: string) => string | null;
}

/** The largest and smallest magnitudes of a PostgreSQL `real` (denormals included); beyond, the cast fails. */
const REAL_MAX = 3.4028235e38;
const REAL_MIN = 1.5e-45;
const REAL_TEXT = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

function realProblem(text: string): string | null {
  const value = Number(text);
  const magnitude = Math.abs(value);
  // `1e-999` is 0 to JavaScript but an underflow to PostgreSQL: a zero must be written as one.
  const zero = /^-?0+(\.0+)?(e[-+]?\d+)?$/i.test(text);
  const fits = REAL_TEXT.test(text) && (zero || (magnitude >= REAL_MIN && magnitude <= REAL_MAX));
  return fits && value >= 0 ? null : "is not a rank (a non-negative real number)";
}

/** `timestamptz` as PostgreSQL prints it (DateStyle ISO): `2026-12-04 16:24:08.123456+00`, any zone offset. */
const TIMESTAMP_TEXT = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d){0,2}$/;

function timestampProblem(text: string): string | null {
  const match = TIMESTAMP_TEXT.exec(text);
  return match && isAcceptedDay(match[1]) ? null : "is not a timestamp (YYYY-MM-DD hh:mm:ss+zz)";
}

/** Why a sort value is refused for its type, or null when PostgreSQL can compare it as that type. */
function keyProblem(type: CursorKeyType, key: string): string | null {
  if (key.includes("\u0000")) return "holds a NUL character";
  switch (type) {
    case "date":
      return isAcceptedDay(key) ? null : "is not a date (YYYY-MM-DD, years 0001 to 9999)";
    case "timestamptz":
      return timestampProblem(key);
    case "real":
      return realProblem(key);
    case "text":
      return null;
  }
}

function refuse(argument: string, reason: string): never {
  throw badInput([{ path: argument, message: reason }]);
}

/**
 * Cursors are opaque to clients: base64url of `[order, key, tie]`. They carry the row's sort values (not an
 * offset), so a page continues right after the item it names even while rows are inserted or deleted; the
 * order's name is in the cursor so a cursor from one order is refused by another.
 */
export function encodeCursor(order: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([order, position.key, position.tie]), "utf8").toString("base64url");
}

/**
 * A cursor sent back by a client (`argument` is `after` or `before`): client input like any other, so each field
 * is checked for its type and range here, and a forged one is a BAD_USER_INPUT saying why, never a failed SQL cast.
 */
export function decodeCursor(cursor: string, shape: CursorShape, argument: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    refuse(argument, "is not a cursor (not base64url-encoded JSON); pass a cursor this list returned");
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) {
    refuse(argument, "is not a cursor of this list (expected [order, position, tie-breaker])");
  }
  const [order, key, tie] = decoded as unknown[];
  if (order !== shape.order) refuse(argument, "is a cursor of another list or order");
  if (key === null) {
    if (shape.key !== null && !shape.nullableKey) refuse(argument, "is not a cursor of this list: its position is missing");
  } else {
    if (shape.key === null || typeof key !== "string")
      refuse(argument, "is not a cursor of this list: its position is not of this order");
    const problem = keyProblem(shape.key, key);
    if (problem) refuse(argument, `is not a cursor of this list: its position ${problem}`);
  }
  if (typeof tie !== "string") refuse(argument, "is not a cursor of this list: its tie-breaker is not text");
  const tieProblem = tie.includes("\u0000") ? "holds a NUL character" : (shape.tieProblem?.(tie) ?? null);
  if (tieProblem) refuse(argument, `is not a cursor of this list: its tie-breaker ${tieProblem}`);
  return { key: key as string | null, tie };
}
