import type { DataSource } from "typeorm";
import type { RecordChange } from "../entities/record-change.entity";
import { compileMeetingFilter } from "../queries/meeting-filter";
import { SqlParams } from "../queries/sql-params";
import type { MeetingFilter } from "../schema/meeting-filter.input";

/** The meeting ids of `ids` that match `filter`, by the compiler `meetings` uses; throws BAD_USER_INPUT for unknown keys. */
async function matchingIds(
  dataSource: DataSource,
  filter: MeetingFilter | null | undefined,
  ids: readonly number[],
): Promise<Set<number>> {
  const params = new SqlParams();
  const where = compileMeetingFilter(filter, "m", params);
  const idList = params.add([...ids]);
  const unknownKeys = where.keyCheck ? `, ${where.keyCheck.sql} AS unknown_keys` : "";
  const [row]: { ids: number[]; unknown_keys?: number[] | null }[] = await dataSource.query(
    `SELECT ARRAY(SELECT m.id FROM meeting m WHERE m.id = ANY(${idList}::int[]) AND (${where.sql})) AS ids${unknownKeys}`,
    params.values,
  );
  where.keyCheck?.reject(row.unknown_keys);
  return new Set(row.ids);
}

/**
 * `meetingsChanged(filter)`: which meeting changes of a batch a subscription sends. The filter runs in SQL,
 * compiled exactly as for `meetings` (topic descendants included), once per batch over the meetings the
 * batch changed, against their state now.
 */
export class MeetingMatcher {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly filter: MeetingFilter | null | undefined,
  ) {}

  /** Checks the filter's slugs and codes before anything is sent (BAD_USER_INPUT naming unknown ones). */
  static async create(dataSource: DataSource, filter: MeetingFilter | null | undefined): Promise<MeetingMatcher> {
    await matchingIds(dataSource, filter, []);
    return new MeetingMatcher(dataSource, filter);
  }

  async matching(batch: readonly RecordChange[]): Promise<RecordChange[]> {
    const meetings = batch.filter((change) => change.recordType === "Meeting");
    if (meetings.length === 0) return [];
    const standing = meetings.filter((change) => change.action !== "DELETE").map((change) => change.recordId);
    const matched = standing.length > 0 ? await matchingIds(this.dataSource, this.filter, standing) : new Set<number>();
    return meetings.filter((change) => (change.action === "DELETE" ? !this.filter : matched.has(change.recordId)));
  }
}
