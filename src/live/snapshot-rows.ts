import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { Citation } from "../entities/citation.entity";
import { Meeting } from "../entities/meeting.entity";
import { Outcome } from "../entities/outcome.entity";
import { Participant } from "../entities/participant.entity";
import { keyedTable } from "../entities/record-tables";
import { CITATION } from "../records/citation.part";
import type { Fields } from "../records/fields";
import { MEETING, PARTICIPANT } from "../records/meeting.record";
import { OUTCOME } from "../records/outcome.record";

function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * `jsonb_build_object` arguments giving the columns of an entity's row from a bundle object (`json`, SQL jsonb),
 * by the import's naming rule (see recordValues): a field in the column of its property, a reference in
 * `<name>Id` with its key looked up (null when it names no record, e.g. one deleted since), a nested object's
 * field in `<object><Field>`. Lists, parts and entries have no column and are left out.
 */
function columnsOf(metadata: EntityMetadata, fields: Fields, json: string, prefix = ""): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const property = prefix ? `${prefix}${capitalized(name)}` : name;
    const value = `${json}->'${name}'`;
    const { rule } = field;
    if (rule.kind === "object") return columnsOf(metadata, rule.part.fields, value, property);
    // A reference's id is `<name>Id`, or `<name><Type>Id` where the name is a role (a participant's `representingStateId`).
    const names = rule.kind === "reference" ? [`${property}Id`, `${property}${capitalized(rule.to)}Id`] : [property];
    const column = names.map((name) => metadata.findColumnWithPropertyName(name)).find((found) => found !== undefined);
    if (!column) return [];
    if (rule.kind !== "reference") return [`'${column.databaseName}', ${value}`];
    const { table, keyColumn } = keyedTable(rule.to);
    return [`'${column.databaseName}', (SELECT k.id FROM ${table} k WHERE k.${keyColumn} = ${json}->>'${name}')`];
  });
}

/** One row of `table` per element of the list `list` (SQL jsonb; anything but an array is none). */
function partRows(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  fields: Fields,
  list: string,
  owner: string,
): string {
  const metadata = dataSource.getMetadata(entity);
  const element = `jsonb_array_elements(CASE jsonb_typeof(${list}) WHEN 'array' THEN ${list} ELSE '[]' END)`;
  const row = `jsonb_build_object(${columnsOf(metadata, fields, "e.value").join(", ")}) || jsonb_build_object('${owner}', s.id)`;
  return `SELECT r.* FROM snapshot s, ${element} AS e, jsonb_populate_record(NULL::${metadata.tableName}, ${row}) AS r`;
}

/**
 * A WITH list turning meeting snapshots (bundle shape, as the history's `before` holds them) into rows of the
 * tables the meeting filter reads (meeting, participant, meeting_topic, citation, outcome), named like them, so
 * the filter compiled for `meetings` runs unchanged over the meetings as they were. `snapshots` is SQL jsonb, an
 * array of `{ id, snapshot }`. `meeting` comes last: the other CTEs' key lookups still read the real tables.
 */
export function meetingSnapshotTables(dataSource: DataSource, snapshots: string): string {
  const meeting = dataSource.getMetadata(Meeting);
  const own = `jsonb_build_object(${columnsOf(meeting, MEETING.fields, "s.snapshot").join(", ")}) || jsonb_build_object('id', s.id)`;
  return `snapshot AS (SELECT * FROM jsonb_to_recordset(${snapshots}) AS s(id int, snapshot jsonb)),
    participant AS (${partRows(dataSource, Participant, PARTICIPANT.fields, "s.snapshot->'participants'", "meeting_id")}),
    meeting_topic AS (SELECT s.id AS meeting_id, t.id AS topic_id FROM snapshot s,
      jsonb_array_elements_text(CASE jsonb_typeof(s.snapshot->'topics') WHEN 'array' THEN s.snapshot->'topics' ELSE '[]' END) AS e
      JOIN topic t ON t.slug = e.value),
    citation AS (${partRows(dataSource, Citation, CITATION.fields, "s.snapshot->'sources'", "meeting_id")}),
    outcome AS (${partRows(dataSource, Outcome, OUTCOME.fields, "s.snapshot->'outcomes'", "meeting_id")}),
    meeting AS (SELECT r.* FROM snapshot s, jsonb_populate_record(NULL::${meeting.tableName}, ${own}) AS r)`;
}
