import type { EntityManager } from "typeorm";
import { Meeting } from "../entities/meeting.entity";
import { Participant } from "../entities/participant.entity";
import type { MeetingInput } from "./bundle-types";
import { citationValues, syncCitations } from "./citations";
import type { ImportTally, UpsertAction } from "./import-result";
import { syncLinks } from "./link-tables";
import type { RecordKeys } from "./record-keys";
import { insertRecord, updateRecordIfChanged } from "./record-upsert";
import { sameValue } from "./same-value";
import { upsertOutcome } from "./upsert-outcome";

/**
 * Meetings are written in two passes: first every meeting's own row (so `precededBy` and
 * `followUpMeeting` can point at meetings later in the bundle), then each meeting's children.
 */
export interface PlacedMeeting {
  input: MeetingInput;
  id: number;
  existing: Meeting | null;
}

function meetingValues(meeting: MeetingInput, keys: RecordKeys) {
  return {
    slug: meeting.slug,
    title: meeting.title,
    coalitionId: keys.optionalId("coalition", meeting.coalition),
    date: meeting.date,
    datePrecision: meeting.datePrecision,
    status: meeting.status,
    format: meeting.format,
    level: meeting.level,
    locationCity: meeting.locationCity,
    locationCountryId: keys.optionalId("state", meeting.locationCountry),
    summary: meeting.summary,
  };
}

/** Pass one: finds each meeting by slug and inserts the new ones (without children). */
export async function placeMeeting(manager: EntityManager, meeting: MeetingInput, keys: RecordKeys): Promise<PlacedMeeting> {
  const existing = await manager.findOneBy(Meeting, { slug: meeting.slug });
  const id = existing ? existing.id : await insertRecord(manager, Meeting, meetingValues(meeting, keys));
  keys.set("meeting", meeting.slug, id);
  return { input: meeting, id, existing };
}

async function syncParticipants(manager: EntityManager, placed: PlacedMeeting, keys: RecordKeys): Promise<boolean> {
  const wanted = placed.input.participants.map((participant) => ({
    officialId: keys.id("official", participant.official),
    representingStateId: keys.optionalId("state", participant.representing),
    role: participant.role,
    attendance: participant.attendance,
  }));
  const rows = placed.existing ? await manager.find(Participant, { where: { meetingId: placed.id }, order: { id: "ASC" } }) : [];
  const stored = rows.map(({ officialId, representingStateId, role, attendance }) => ({
    officialId,
    representingStateId,
    role,
    attendance,
  }));
  if (sameValue(stored, wanted)) return false;
  if (placed.existing) await manager.delete(Participant, { meetingId: placed.id });
  if (wanted.length > 0)
    await manager.insert(
      Participant,
      wanted.map((participant) => ({ ...participant, meetingId: placed.id })),
    );
  return true;
}

/** Upserts the meeting's outcomes and removes the ones the bundle no longer names; true when the set changed. */
async function syncOutcomes(
  manager: EntityManager,
  placed: PlacedMeeting,
  keys: RecordKeys,
  tally: ImportTally,
): Promise<boolean> {
  const before: { slug: string }[] = placed.existing
    ? await manager.query(`SELECT slug FROM outcome WHERE meeting_id = $1`, [placed.id])
    : [];
  const wantedSlugs = placed.input.outcomes.map((outcome) => outcome.slug);
  for (const outcome of placed.input.outcomes) {
    tally.count("outcomes", (await upsertOutcome(manager, outcome, placed.id, keys)).action);
  }
  if (placed.existing) {
    await manager.query(`DELETE FROM outcome WHERE meeting_id = $1 AND NOT (slug = ANY($2))`, [placed.id, wantedSlugs]);
  }
  return !sameValue(before.map((row) => row.slug).sort(), [...wantedSlugs].sort());
}

/** Pass two: the meeting's children, then its own row if anything differs. */
export async function finishMeeting(
  manager: EntityManager,
  placed: PlacedMeeting,
  keys: RecordKeys,
  tally: ImportTally,
): Promise<UpsertAction> {
  const isNew = placed.existing === null;
  const { input, id } = placed;
  const changes = [
    await syncParticipants(manager, placed, keys),
    await syncLinks(
      manager,
      "meeting_topic",
      id,
      input.topics.map((topic) => keys.id("topic", topic)),
      isNew,
    ),
    await syncLinks(
      manager,
      "meeting_sequence",
      id,
      input.precededBy.map((meeting) => keys.id("meeting", meeting)),
      isNew,
    ),
    await syncCitations(manager, "meetingId", id, citationValues(input.sources, keys), isNew),
    await syncOutcomes(manager, placed, keys, tally),
  ];
  if (!placed.existing) return "created";
  return updateRecordIfChanged(manager, Meeting, placed.existing, meetingValues(input, keys), changes.includes(true));
}
