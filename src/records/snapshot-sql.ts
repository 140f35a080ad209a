/**
 * Snapshot statements built from one description of a record's JSON: its row (table, joins, the object
 * it makes) and the lists nested in it (parts, links, citations), each a grouped aggregate over its table
 * joined once by owner id, so one statement snapshots any number of records (`$1` = their ids) without
 * a subquery per record.
 */

/** Rows of one table made into JSON objects; `object` gets `list` to nest the rows' lists. */
export interface JsonRows {
  /** The table and its alias: `meeting m`. */
  table: string;
  /** Joins for single values (`LEFT JOIN coalition c ON c.id = m.coalition_id`). */
  joins?: string;
  /** The row's id (`m.id`), which nested lists' owners refer to (needed only with nested lists). */
  id?: string;
  object: (list: (rows: JsonList) => string) => string;
}

/** Rows owned by another row, as a JSON array (`[]` when none) in a stable order. */
export interface JsonList extends JsonRows {
  /** The column naming the owner row (`p.meeting_id`), of `table`'s alias. */
  owner: string;
  order: string;
}

/** A condition that an expression is the id of a row being snapshotted (or owned by one, at depth). */
type Scope = (expression: string) => string;

/** The statement answering `id, snapshot` for each record whose id is in `$1` (an int array). */
export function snapshotStatement(rows: JsonRows & { id: string }): string {
  const { object, joins } = build(rows, (expression) => `${expression} = ANY($1::int[])`, { next: 0 });
  return `SELECT ${rows.id} AS id, (${object})::jsonb AS snapshot FROM ${rows.table} ${rows.joins ?? ""} ${joins}
    WHERE ${rows.id} = ANY($1::int[])`;
}

/** The rows' object expression and the joins of their lists; `childScope` limits the lists to the rows' own. */
function build(rows: JsonRows, childScope: Scope, aliases: { next: number }): { object: string; joins: string } {
  const joins: string[] = [];
  const object = rows.object((list) => {
    if (rows.id === undefined) throw new Error(`${rows.table}: a nested list needs the id of the rows owning it`);
    const alias = `list_${aliases.next++}`;
    const rowScope = childScope(list.owner);
    const listScope: Scope = (expression) => `${expression} IN (SELECT ${list.id} FROM ${list.table} WHERE ${rowScope})`;
    const inner = build(list, listScope, aliases);
    joins.push(`LEFT JOIN (SELECT ${list.owner} AS owner, json_agg(${inner.object} ORDER BY ${list.order}) AS list
      FROM ${list.table} ${list.joins ?? ""} ${inner.joins} WHERE ${rowScope} GROUP BY ${list.owner}) ${alias} ON ${alias}.owner = ${rows.id}`);
    return `coalesce(${alias}.list, '[]'::json)`;
  });
  return { object, joins: joins.join("\n") };
}
