import { ChangeAction } from "../entities/record-change.entity";
import { recordChange } from "../history/record-change";
import { snapshotRecord } from "../history/snapshots";
import { bumpVersion } from "./versioned-record";
import type { WriteContext } from "./write-context";

/**
 * A meeting holds its outcomes (its snapshot nests them, as a bundle does), so a write to an outcome is
 * also a change of its meeting (or meetings, when the outcome moves): each gets a new version and an
 * UPDATE entry with its before and after, besides the outcome's own entry.
 */
export async function withMeetingsOfOutcome<T>(context: WriteContext, meetingIds: number[], write: () => Promise<T>): Promise<T> {
  const { manager, actor } = context;
  const before = new Map<number, Record<string, unknown> | null>();
  for (const id of new Set(meetingIds)) before.set(id, await snapshotRecord(manager, "Meeting", id));
  const result = await write();
  for (const [id, snapshot] of before) {
    const version = await bumpVersion(manager, "Meeting", id);
    const after = await snapshotRecord(manager, "Meeting", id);
    await recordChange(manager, {
      actor,
      recordType: "Meeting",
      recordId: id,
      action: ChangeAction.UPDATE,
      before: snapshot,
      after,
      version,
    });
  }
  return result;
}

/** The meeting an outcome belongs to. */
export async function meetingIdOfOutcome(context: WriteContext, outcomeId: number): Promise<number> {
  const [row]: { meeting_id: number }[] = await context.manager.query(`SELECT meeting_id FROM outcome WHERE id = $1`, [
    outcomeId,
  ]);
  return row.meeting_id;
}
