import { badInput } from "../errors";

/** Where an item sits in one order: its sort value (as PostgreSQL prints it, null for none) and its unique tie-breaker. */
export interface CursorPosition {
  key: string | null;
  tie: string;
}

/**
 * Cursors are opaque to clients: base64url of `[order, key, tie]`. They carry the row's sort values (not an
 * offset), so a page continues right after the item it names even while rows are inserted or deleted; the
 * order's name is in the cursor so a cursor from one order is refused by another.
 */
export function encodeCursor(order: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([order, position.key, position.tie]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, order: string, argument: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[2] !== "string") {
    throw badInput([{ path: argument, message: "is not a cursor of this list" }]);
  }
  const [cursorOrder, key, tie] = decoded;
  if (cursorOrder !== order || (key !== null && typeof key !== "string")) {
    throw badInput([{ path: argument, message: "is a cursor of another list or order" }]);
  }
  return { key, tie };
}
