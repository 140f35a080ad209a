import type { DataSource } from "typeorm";
import { Coalition } from "../entities/coalition.entity";
import { MeetingFormat, MeetingLevel, MeetingStatus } from "../entities/enums";
import { State } from "../entities/state.entity";
import { Topic } from "../entities/topic.entity";
import { MeetingCount, MeetingDimension } from "../schema/meeting-count";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import type { CompiledFilter } from "./filter-logic";
import { hydrateRows, type RawRow, tableOf } from "./hydrate";
import { compileMeetingFilter } from "./meeting-filter";
import type { Projection } from "./projection/selection-projection";
import { SqlParams } from "./sql-params";

type GroupValue = string | number | null;
type RecordEntity = typeof Coalition | typeof Topic | typeof State;
type RecordProperty = "coalition" | "topic" | "state";

/**
 * The projection of the client's selection on a record dimension's property (`topic { slug }`), or null to
 * return whole records (src/queries/projection).
 */
export type RecordProjection = (property: RecordProperty, typeName: string) => Projection | null;

/**
 * SQL for each dimension: the grouped value, its sort key, and any join it needs (all fixed text, no input). A
 * record dimension groups by the record's id and names its entity: the statement returns those records too.
 */
interface DimensionSql {
  property: keyof Pick<MeetingCount, "year" | "month" | "level" | "format" | "status"> | RecordProperty;
  value: string;
  sortKey: string;
  join?: string;
  record?: RecordEntity;
}

const enumOrder = (column: string, values: Record<string, string>) =>
  `array_position(ARRAY[${Object.values(values)
    .map((value) => `'${value}'`)
    .join(", ")}]::text[], ${column}::text)`;

const DIMENSIONS: Record<MeetingDimension, DimensionSql> = {
  YEAR: { property: "year", value: "extract(year FROM m.date)::int", sortKey: "extract(year FROM m.date)::int" },
  MONTH: {
    property: "month",
    value: "CASE WHEN m.date_precision <> 'YEAR' THEN to_char(m.date, 'YYYY-MM') END",
    sortKey: "CASE WHEN m.date_precision <> 'YEAR' THEN to_char(m.date, 'YYYY-MM') END",
  },
  COALITION: {
    property: "coalition",
    value: "gc.id",
    sortKey: "gc.slug",
    join: "LEFT JOIN coalition gc ON gc.id = m.coalition_id",
    record: Coalition,
  },
  TOPIC: {
    property: "topic",
    value: "gt.id",
    sortKey: "gt.slug",
    join: "LEFT JOIN meeting_topic gmt ON gmt.meeting_id = m.id LEFT JOIN topic gt ON gt.id = gmt.topic_id",
    record: Topic,
  },
  STATE: {
    property: "state",
    value: "gs.id",
    sortKey: "gs.code",
    // DISTINCT states per meeting, so every (meeting, group) row is unique and count(*) counts meetings.
    join: "LEFT JOIN LATERAL (SELECT DISTINCT gp.representing_state_id FROM participant gp WHERE gp.meeting_id = m.id) gp ON TRUE LEFT JOIN state gs ON gs.id = gp.representing_state_id",
    record: State,
  },
  LEVEL: { property: "level", value: "m.level", sortKey: enumOrder("m.level", MeetingLevel) },
  FORMAT: { property: "format", value: "m.format", sortKey: enumOrder("m.format", MeetingFormat) },
  STATUS: { property: "status", value: "m.status", sortKey: enumOrder("m.status", MeetingStatus) },
};

/**
 * Counts the meetings matching `filter`, grouped by the dimensions in `by` (in that order), in ONE statement (the
 * filter's keys looked up in it too). A meeting counts once per group it falls in: once under each of its topics and each
 * state its participants represented. Each joined dimension yields one row per meeting and value (meeting_topic's
 * primary key; distinct participant states), so `count(*)` counts meetings and PostgreSQL can hash-aggregate.
 * Groups are sorted by the dimensions' keys in the order asked (years and months ascending, coalitions and topics
 * by slug, states by code, enums in declared order), a null value (unknown, or none) last. A record dimension's
 * records are the objects of `projectRecords` when it gives a projection, else whole records.
 */
export async function countMeetings(
  dataSource: DataSource,
  filter: MeetingFilter | null | undefined,
  by: MeetingDimension[],
  projectRecords: RecordProjection = () => null,
): Promise<MeetingCount[]> {
  const params = new SqlParams();
  const where = compileMeetingFilter(filter, "m", params);
  const dimensions = [...new Set(by)].map((dimension) => DIMENSIONS[dimension]);
  const records = dimensions.map((dimension, index) => recordsOf(dataSource, dimension, index, projectRecords, params));
  const [row]: RawRow[] = await dataSource.query(countingSql(dimensions, where, records), params.values);
  where.keyCheck?.reject(row.unknown_keys as number[] | null);
  const recordsById = records.map((sql, index) => sql?.byId(row[`r${index}`] as unknown[] | null) ?? null);
  return ((row.groups as GroupValue[][] | null) ?? []).map((group) => toMeetingCount(group, dimensions, recordsById));
}

/** A record dimension's records: their SQL (a json array, column `r<i>`) and how to read them by id. */
interface DimensionRecords {
  sql: string;
  byId(json: unknown[] | null): Map<GroupValue, object>;
}

/**
 * The distinct records a record dimension grouped, each once however many groups it falls in: the projected
 * objects as `[id, object]` pairs, or whole rows hydrated as entities.
 */
function recordsOf(
  dataSource: DataSource,
  dimension: DimensionSql,
  index: number,
  projectRecords: RecordProjection,
  params: SqlParams,
): DimensionRecords | null {
  const target = dimension.record;
  if (!target) return null;
  const grouped = `FROM ${tableOf(dataSource, target)} r WHERE r.id IN (SELECT d${index} FROM counted)`;
  const projection = projectRecords(dimension.property as RecordProperty, target.name);
  if (projection) {
    return {
      sql: `(SELECT json_agg(json_build_array(r.id, ${projection.sql("r", params)})) ${grouped})`,
      byId: (pairs) => new Map((pairs as [number, object][] | null) ?? []),
    };
  }
  return {
    sql: `(SELECT json_agg(r) ${grouped})`,
    byId: (rows) => {
      const hydrated = hydrateRows<{ id: number }>(dataSource, target, (rows as RawRow[] | null) ?? []);
      return new Map(hydrated.map((record) => [record.id, record]));
    },
  };
}

/**
 * The statement: the groups as ONE json array of `[value…, count]` arrays in sort order (parsed natively, where
 * a row per group costs a JS object and a parse per column), and for each record dimension (column `r<i>`) its
 * records.
 */
function countingSql(dimensions: DimensionSql[], where: CompiledFilter, records: (DimensionRecords | null)[]): string {
  const selected = dimensions.map((dimension, index) => `${dimension.value} AS d${index}, ${dimension.sortKey} AS s${index}`);
  const grouping = dimensions.flatMap((dimension) => [dimension.value, dimension.sortKey]);
  const unknownKeys = where.keyCheck ? [`${where.keyCheck.sql} AS unknown_keys`] : [];
  const recordColumns = records.flatMap((record, index) => (record ? [`${record.sql} AS r${index}`] : []));
  return `WITH counted AS (
      SELECT ${[...selected, "count(*)::int AS count"].join(", ")}
      FROM meeting m ${dimensions.map((dimension) => dimension.join ?? "").join(" ")}
      WHERE ${where.sql}
      ${grouping.length > 0 ? `GROUP BY ${grouping.join(", ")}` : ""})
    SELECT ${[`${groupsJson(dimensions)} AS groups`, ...recordColumns, ...unknownKeys].join(", ")}`;
}

/** The groups of `counted`, in the dimensions' sort order, as a json array of `[d0, d1, …, count]`. */
function groupsJson(dimensions: DimensionSql[]): string {
  const values = [...dimensions.map((_, index) => `d${index}`), "count"];
  const ordering = dimensions.map((_, index) => `s${index} ASC NULLS LAST`);
  return `(SELECT json_agg(json_build_array(${values.join(", ")})${ordering.length > 0 ? ` ORDER BY ${ordering.join(", ")}` : ""}) FROM counted)`;
}

/** One group: the value of each dimension, a record dimension's id replaced by its record. */
function toMeetingCount(
  group: GroupValue[],
  dimensions: DimensionSql[],
  records: (Map<GroupValue, object> | null)[],
): MeetingCount {
  const count = new MeetingCount(group[dimensions.length] as number);
  const values = count as unknown as Record<DimensionSql["property"], unknown>;
  for (let index = 0; index < dimensions.length; index += 1) {
    const value = group[index];
    const byId = records[index];
    values[dimensions[index].property] = byId && value !== null ? (byId.get(value) ?? null) : value;
  }
  return count;
}
