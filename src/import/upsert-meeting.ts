import type { EntityManager } from "typeorm";
import type { Entry } from "../records";
import type { PartOf } from "../records/fields";
import type { PARTICIPANT } from "../records/meeting.record";
import { citationRows, citationValues } from "./citations";
import { progressAt } from "./import-progress";
import type { ImportTally } from "./import-result";
import { syncOwnedRows } from "./owned-rows";
import { PARTICIPANT_ROWS, type PartValues } from "./part-rows";
import type { RecordKeys } from "./record-keys";
import { anyChanged, type PlacedRecord, writeRecords } from "./record-upsert";
import { sameValue } from "./same-value";
import { upsertOutcomes } from "./upsert-outcome";

type MeetingEntry = Entry<"Meeting">;
type PlacedMeeting = PlacedRecord<MeetingEntry>;

/** A participant's row values (the meeting's id aside). */
export function participantValues(participant: PartOf<typeof PARTICIPANT>, keys: RecordKeys) {
  return {
    officialId: keys.id("official", participant.official),
    representingStateId: keys.optionalId("state", participant.representing),
    role: participant.role,
    attendance: participant.attendance,
  };
}

/** The outcome slugs stored under each of the meetings (one statement). */
async function storedOutcomeSlugs(manager: EntityManager, meetingIds: number[]): Promise<Map<number, string[]>> {
  const byMeeting = new Map<number, string[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return byMeeting;
  const rows: { meetingId: number; slug: string }[] = await manager.query(
    `SELECT meeting_id AS "meetingId", slug FROM outcome WHERE meeting_id = ANY($1)`,
    [meetingIds],
  );
  for (const row of rows) byMeeting.get(row.meetingId)?.push(row.slug);
  return byMeeting;
}

/**
 * Upserts every meeting's outcomes (moving one named under another meeting here) and removes the ones
 * a meeting's `outcomes` list no longer names; answers the meetings whose set of outcomes changed. A
 * meeting entry without `outcomes` leaves them all alone.
 */
async function syncOutcomes(manager: EntityManager, placed: PlacedMeeting[], keys: RecordKeys, tally: ImportTally) {
  const listing = placed.filter((meeting) => meeting.entry.outcomes !== undefined);
  const before = await storedOutcomeSlugs(
    manager,
    listing.filter((meeting) => meeting.existing !== null).map((meeting) => meeting.id),
  );
  await upsertOutcomes(
    manager,
    listing.flatMap((meeting) => (meeting.entry.outcomes ?? []).map((entry) => ({ entry, meetingId: meeting.id }))),
    keys,
    tally,
  );
  const wanted = (meeting: PlacedMeeting) => (meeting.entry.outcomes ?? []).map((outcome) => outcome.slug);
  const pruned = listing.filter((meeting) => (before.get(meeting.id) ?? []).some((slug) => !wanted(meeting).includes(slug)));
  if (pruned.length > 0) {
    progressAt(`removing outcomes no longer listed by ${pruned.length.toLocaleString("en")} meetings`);
    const kept = pruned.flatMap((meeting) => wanted(meeting).map((slug) => ({ id: meeting.id, slug })));
    await manager.query(
      `DELETE FROM outcome o WHERE o.meeting_id = ANY($1::int[]) AND NOT EXISTS (
         SELECT 1 FROM unnest($2::int[], $3::text[]) AS kept(meeting_id, slug) WHERE kept.meeting_id = o.meeting_id AND kept.slug = o.slug)`,
      [pruned.map((meeting) => meeting.id), kept.map((row) => row.id), kept.map((row) => row.slug)],
    );
  }
  const changed = listing.filter(
    (meeting) => !sameValue([...(before.get(meeting.id) ?? [])].sort(), [...wanted(meeting)].sort()),
  );
  return new Set(changed.map((meeting) => meeting.id));
}

/** The meetings' participants, citations and outcomes, each table synced for all meetings at once. */
async function syncMeetingParts(manager: EntityManager, placed: PlacedMeeting[], keys: RecordKeys, tally: ImportTally) {
  const owners = <V>(wanted: (entry: MeetingEntry) => V[] | undefined) =>
    placed.map(({ entry, id, existing }) => ({ ownerId: id, isNew: existing === null, wanted: wanted(entry) }));
  return anyChanged(
    await syncOwnedRows<PartValues>(
      manager,
      PARTICIPANT_ROWS,
      owners((entry) => entry.participants?.map((participant) => participantValues(participant, keys))),
    ),
    await syncOwnedRows(
      manager,
      citationRows("meetingId"),
      owners((entry) => entry.sources && citationValues(entry.sources, keys)),
    ),
    await syncOutcomes(manager, placed, keys, tally),
  );
}

/**
 * Upserts the bundle's meetings: every meeting's own row first (so `precededBy` and `followUpMeeting`
 * can point at meetings later in the bundle), then their parts and outcomes, table by table. An entry
 * is a patch: fields and child lists it leaves out (undefined) stay as stored.
 */
export async function upsertMeetings(
  manager: EntityManager,
  meetings: MeetingEntry[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  await writeRecords(manager, "Meeting", meetings, keys, tally, {
    children: (m, placed) => syncMeetingParts(m, placed, keys, tally),
  });
}
