/**
 * How one GraphQL field of a record type is computed in SQL when a selection is compiled into a single
 * statement (see `selection-projection.ts`). `alias` is the SQL alias of the row the field belongs to;
 * every SQL fragment is written in `projected-types.ts`, never taken from a request.
 */
export type FieldProjection =
  | { kind: "value"; sql: (alias: string) => string }
  | { kind: "localized"; column: string }
  | { kind: "object"; type: string; sql: (alias: string, child: string) => RelatedRows }
  | { kind: "list"; type: string; sql: (alias: string, child: string) => RelatedRows };

/** The rows of a related type: a FROM clause (with its WHERE), the order of a list, and when an object is absent. */
export interface RelatedRows {
  /** `FROM …` text over the child alias; absent for an object computed from the parent's own row. */
  from?: string;
  orderBy?: string;
  /** SQL true when the object is null; used with a `from`-less object. */
  nullWhen?: string;
  /**
   * For an object found by key: the same row as a LEFT JOIN target, so an object inside a list's items is
   * joined once in the list's statement instead of looked up by a subquery per item.
   */
  join?: { table: string; on: string };
}

/** A column or expression of the row. */
export const value = (sql: (alias: string) => string): FieldProjection => ({ kind: "value", sql });

/** A column of the row as is. */
export const column = (name: string): FieldProjection => value((alias) => `${alias}.${name}`);

/** A timestamp column, rendered as the `DateTime` scalar renders a JavaScript Date (milliseconds, UTC, `Z`). */
export const timestamp = (name: string): FieldProjection =>
  value((alias) => `to_char(${alias}.${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A localized jsonb column read with the field's `lang` argument, as `pickLocalized` does. */
export const localized = (columnName: string): FieldProjection => ({ kind: "localized", column: columnName });

/** Every language of a localized jsonb column as `LocalizedString` objects, sorted by tag (as `localizedStrings`). */
export const localizedList = (columnName: string): FieldProjection => ({
  kind: "list",
  type: "LocalizedString",
  sql: (alias, child) => ({
    from: `FROM jsonb_each_text(coalesce(${alias}.${columnName}, '{}'::jsonb)) AS ${child}(key, value)`,
    orderBy: `${child}.key COLLATE "C"`,
  }),
});
