/**
 * CSV of one list in a GraphQL result (RFC 4180): one row per item, nested fields as dotted column
 * names (`location.country.code`). A list nested inside an item becomes one column per leaf field,
 * its values joined with "; " (`participants.official.name` = `Fabien Mandon; Rich Knighton`).
 *
 * Cells are neutralized against formula injection as OWASP's "CSV Injection" page advises: a cell whose text
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows the
 * text instead of evaluating it. A cell holding exactly one number from the result (an Int or Float field,
 * e.g. `-3`) is left as it is: it cannot carry a formula and stays a number for the spreadsheet.
 */

const LIST_SEPARATOR = "; ";

/** Each column's leaf values (several for a nested list), as the result holds them. */
type Row = Map<string, unknown[]>;

const FORMULA_START = /^[=+\-@\t\r]/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first list met walking the result depth-first in field order, with its dotted path. */
export function findFirstList(value: unknown, path = ""): { path: string; items: unknown[] } | null {
  if (Array.isArray(value)) return { path, items: value };
  if (!isObject(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findFirstList(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** The list at a dotted path (`coalition.meetings.nodes`), or null when there is no list there. */
export function listAtPath(value: unknown, path: string): unknown[] | null {
  let current: unknown = value;
  for (const key of path.split(".").filter(Boolean)) {
    if (!isObject(current)) return null;
    current = current[key];
  }
  return Array.isArray(current) ? current : null;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Adds every leaf of `value` to `row` under dotted names; lists add each item's leaves to the same names. */
function collectLeaves(value: unknown, prefix: string, row: Row): void {
  if (Array.isArray(value)) {
    for (const item of value) collectLeaves(item, prefix, row);
    if (value.length === 0 && !row.has(prefix)) row.set(prefix, []);
    return;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) collectLeaves(child, prefix ? `${prefix}.${key}` : key, row);
    return;
  }
  const values = row.get(prefix) ?? [];
  values.push(value);
  row.set(prefix, values);
}

/** A cell's text: list values joined; a leading `'` when the text could start a formula and is not one number. */
function cellText(values: readonly unknown[]): string {
  const text = values.map(scalarText).join(LIST_SEPARATOR);
  const oneNumber = values.length === 1 && typeof values[0] === "number";
  return !oneNumber && FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes inside. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (CRLF line ends, a header row) of the items. */
export function toCsv(items: unknown[]): string {
  const rows: Row[] = items.map((item) => {
    const row: Row = new Map();
    collectLeaves(item, isObject(item) ? "" : "value", row);
    return row;
  });
  const columns: string[] = [];
  for (const row of rows) for (const column of row.keys()) if (!columns.includes(column)) columns.push(column);
  // A null object or an empty list in one row names a column that other rows fill in detail: keep the detail.
  const leafColumns = columns.filter((column) => !columns.some((other) => other.startsWith(`${column}.`)));
  const lines = [leafColumns.map(csvField).join(",")];
  for (const row of rows) lines.push(leafColumns.map((column) => csvField(cellText(row.get(column) ?? []))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
