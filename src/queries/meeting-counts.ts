import type { DataSource } from "typeorm";
import { MeetingFormat, MeetingLevel, MeetingStatus } from "../entities/enums";
import { MeetingCount, MeetingDimension } from "../schema/meeting-count";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import { compileMeetingFilter } from "./meeting-filter";
import { SqlParams } from "./sql-params";

/** SQL for each dimension: the grouped value, its sort key, and any join it needs (all fixed text, no input). */
interface DimensionSql {
  column: keyof Pick<MeetingCount, "year" | "month" | "level" | "format" | "status" | "coalitionId" | "topicId" | "stateId">;
  value: string;
  sortKey: string;
  join?: string;
}

const enumOrder = (column: string, values: Record<string, string>) =>
  `array_position(ARRAY[${Object.values(values)
    .map((value) => `'${value}'`)
    .join(", ")}]::text[], ${column}::text)`;

const DIMENSIONS: Record<MeetingDimension, DimensionSql> = {
  YEAR: { column: "year", value: "extract(year FROM m.date)::int", sortKey: "extract(year FROM m.date)::int" },
  MONTH: {
    column: "month",
    value: "CASE WHEN m.date_precision <> 'YEAR' THEN to_char(m.date, 'YYYY-MM') END",
    sortKey: "CASE WHEN m.date_precision <> 'YEAR' THEN to_char(m.date, 'YYYY-MM') END",
  },
  COALITION: {
    column: "coalitionId",
    value: "gc.id",
    sortKey: "gc.slug",
    join: "LEFT JOIN coalition gc ON gc.id = m.coalition_id",
  },
  TOPIC: {
    column: "topicId",
    value: "gt.id",
    sortKey: "gt.slug",
    join: "LEFT JOIN meeting_topic gmt ON gmt.meeting_id = m.id LEFT JOIN topic gt ON gt.id = gmt.topic_id",
  },
  STATE: {
    column: "stateId",
    value: "gs.id",
    sortKey: "gs.code",
    // DISTINCT states per meeting, so every (meeting, group) row is unique and count(*) counts meetings.
    join: "LEFT JOIN LATERAL (SELECT DISTINCT gp.representing_state_id FROM participant gp WHERE gp.meeting_id = m.id) gp ON TRUE LEFT JOIN state gs ON gs.id = gp.representing_state_id",
  },
  LEVEL: { column: "level", value: "m.level", sortKey: enumOrder("m.level", MeetingLevel) },
  FORMAT: { column: "format", value: "m.format", sortKey: enumOrder("m.format", MeetingFormat) },
  STATUS: { column: "status", value: "m.status", sortKey: enumOrder("m.status", MeetingStatus) },
};

/**
 * Counts the meetings matching `filter`, grouped by the dimensions in `by` (in that order), in ONE statement (plus
 * the filter's key lookup). A meeting counts once per group it falls in: once under each of its topics and each
 * state its participants represented. Each joined dimension yields one row per meeting and value (meeting_topic's
 * primary key; distinct participant states), so `count(*)` counts meetings and PostgreSQL can hash-aggregate.
 * Groups are sorted by the dimensions' keys in the order asked (years and months ascending, coalitions and topics
 * by slug, states by code, enums in declared order), a null value (unknown, or none) last.
 */
export async function countMeetings(
  dataSource: DataSource,
  filter: MeetingFilter | null | undefined,
  by: MeetingDimension[],
): Promise<MeetingCount[]> {
  const params = new SqlParams();
  const where = await compileMeetingFilter(dataSource, filter, "m", params);
  const dimensions = [...new Set(by)].map((dimension) => DIMENSIONS[dimension]);
  const selected = dimensions.map((dimension, index) => `${dimension.value} AS d${index}`);
  const grouping = dimensions.map((dimension) => dimension.value);
  const ordering = dimensions.map((dimension) => `${dimension.sortKey} ASC NULLS LAST`);
  const sql = `SELECT ${[...selected, "count(*)::int AS count"].join(", ")}
    FROM meeting m ${dimensions.map((dimension) => dimension.join ?? "").join(" ")}
    WHERE ${where}
    ${grouping.length > 0 ? `GROUP BY ${[...grouping, ...dimensions.map((dimension) => dimension.sortKey)].join(", ")}` : ""}
    ${ordering.length > 0 ? `ORDER BY ${ordering.join(", ")}` : ""}`;
  const rows: Record<string, string | number | null>[] = await dataSource.query(sql, params.values);
  return rows.map((row) => toMeetingCount(row, dimensions));
}

function toMeetingCount(row: Record<string, string | number | null>, dimensions: DimensionSql[]): MeetingCount {
  const count: MeetingCount = Object.assign(new MeetingCount(), {
    count: Number(row.count),
    year: null,
    month: null,
    level: null,
    format: null,
    status: null,
    coalitionId: null,
    topicId: null,
    stateId: null,
  });
  dimensions.forEach((dimension, index) => {
    Object.assign(count, { [dimension.column]: row[`d${index}`] });
  });
  return count;
}
