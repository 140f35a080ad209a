import type { DataSource } from "typeorm";
import { ChangeAction, type RecordChange } from "../entities/record-change.entity";
import { compileMeetingFilter } from "../queries/meeting-filter";
import { SqlParams } from "../queries/sql-params";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import { meetingSnapshotTables } from "./snapshot-rows";

/**
 * A changed meeting as it was before the change (the history's `before`, bundle shape), under its history
 * entry's id: two changes of one meeting in a batch are two meetings as they were.
 */
interface Before {
  id: number;
  snapshot: Record<string, unknown>;
}

/** Meetings (by id) that match now; history entries (by id) whose meeting matched before the change. */
interface Matches {
  now: Set<number>;
  before: Set<number>;
}

/**
 * The meetings of `ids` that match `filter` now, and the entries of `befores` whose meeting matched it, by
 * the compiler `meetings` uses, in one statement: the same filter SQL runs a second time over the snapshots
 * turned into rows (meetingSnapshotTables). Throws BAD_USER_INPUT for unknown keys.
 */
async function matchingIds(
  dataSource: DataSource,
  filter: MeetingFilter | null | undefined,
  ids: readonly number[],
  befores: readonly Before[],
): Promise<Matches> {
  const params = new SqlParams();
  const where = compileMeetingFilter(filter, "m", params);
  const now = `ARRAY(SELECT m.id FROM meeting m WHERE m.id = ANY(${params.add([...ids])}::int[]) AND (${where.sql})) AS ids`;
  const before =
    befores.length > 0
      ? `, ARRAY(WITH ${meetingSnapshotTables(dataSource, `${params.add(JSON.stringify(befores))}::jsonb`)}
           SELECT m.id FROM meeting m WHERE ${where.sql}) AS before_ids`
      : "";
  const unknownKeys = where.keyCheck ? `, ${where.keyCheck.sql} AS unknown_keys` : "";
  const [row]: { ids: number[]; before_ids?: number[]; unknown_keys?: number[] | null }[] = await dataSource.query(
    `SELECT ${now}${before}${unknownKeys}`,
    params.values,
  );
  where.keyCheck?.reject(row.unknown_keys);
  return { now: new Set(row.ids), before: new Set(row.before_ids) };
}

/**
 * `meetingsChanged(filter)`: which meeting changes of a batch a subscription sends: those whose meeting matches
 * the filter after the change (its row now) or matched it before (UPDATE and DELETE, from the history's
 * `before`). The filter runs in SQL, compiled exactly as for `meetings` (topic descendants included), in one
 * statement per batch.
 */
export class MeetingMatcher {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly filter: MeetingFilter | null | undefined,
  ) {}

  /** Checks the filter's slugs and codes before anything is sent (BAD_USER_INPUT naming unknown ones). */
  static async create(dataSource: DataSource, filter: MeetingFilter | null | undefined): Promise<MeetingMatcher> {
    await matchingIds(dataSource, filter, [], []);
    return new MeetingMatcher(dataSource, filter);
  }

  async matching(batch: readonly RecordChange[]): Promise<RecordChange[]> {
    const meetings = batch.filter((change) => change.recordType === "Meeting");
    if (meetings.length === 0 || !this.filter) return meetings;
    const standing = meetings.filter((change) => change.action !== ChangeAction.DELETE).map((change) => change.recordId);
    const befores = meetings.flatMap((change) => (change.before ? [{ id: change.id, snapshot: change.before }] : []));
    const matched = await matchingIds(this.dataSource, this.filter, standing, befores);
    return meetings.filter(
      (change) => (change.action !== ChangeAction.DELETE && matched.now.has(change.recordId)) || matched.before.has(change.id),
    );
  }
}
