import type { EntityManager } from "typeorm";
import { Meeting } from "../entities/meeting.entity";
import { Participant } from "../entities/participant.entity";
import { type Entry, RECORDS } from "../records";

import type { PartOf } from "../records/fields";
import type { PARTICIPANT } from "../records/meeting.record";

import { citationValues, syncCitations } from "./citations";
import type { ImportTally, UpsertAction } from "./import-result";
import { syncLinks } from "./link-tables";
import type { RecordKeys } from "./record-keys";
import { insertRecord, updateRecordIfChanged } from "./record-upsert";
import { recordValues } from "./record-values";
import { sameValue } from "./same-value";
import {
  loadStoredMeetings,
  loadStoredOutcomes,
  type StoredMeetings,
  type StoredOutcomes,
  storedFor,
  storedMeeting,
} from "./stored-parts";
import { upsertOutcome } from "./upsert-outcome";

type MeetingEntry = Entry<"Meeting">;

/**
 * Meetings are written in two passes: first every meeting's own row (so `precededBy` and
 * `followUpMeeting` can point at meetings later in the bundle), then each meeting's children. An entry
 * is a patch: fields and child lists it leaves out (undefined) stay as stored.
 */
interface PlacedMeeting {
  input: MeetingEntry;
  id: number;
  existing: Meeting | null;
}

function meetingValues(manager: EntityManager, meeting: MeetingEntry, keys: RecordKeys) {
  return recordValues(manager, Meeting, RECORDS.Meeting, meeting, keys);
}

/** A participant's row values (the meeting's id aside). */
export function participantValues(participant: PartOf<typeof PARTICIPANT>, keys: RecordKeys) {
  return {
    officialId: keys.id("official", participant.official),
    representingStateId: keys.optionalId("state", participant.representing),
    role: participant.role,
    attendance: participant.attendance,
  };
}

/** Pass one: inserts the new meetings (without children); every meeting's id becomes known. */
async function placeMeeting(
  manager: EntityManager,
  meeting: MeetingEntry,
  keys: RecordKeys,
  stored: StoredMeetings,
): Promise<PlacedMeeting> {
  const existing = storedMeeting(stored, meeting);
  const id = existing ? existing.id : await insertRecord(manager, Meeting, meetingValues(manager, meeting, keys));
  keys.set("meeting", meeting.slug, id);
  return { input: meeting, id, existing };
}

async function syncParticipants(
  manager: EntityManager,
  placed: PlacedMeeting,
  keys: RecordKeys,
  stored: StoredMeetings,
): Promise<boolean> {
  if (!placed.input.participants) return false;
  const wanted = placed.input.participants.map((participant) => participantValues(participant, keys));
  const before = storedFor(stored.participants, placed.id, placed.existing === null);
  if (sameValue(before ?? [], wanted)) return false;
  if (before && before.length > 0) await manager.delete(Participant, { meetingId: placed.id });
  if (wanted.length > 0)
    await manager.insert(
      Participant,
      wanted.map((participant) => ({ ...participant, meetingId: placed.id })),
    );
  return true;
}

/**
 * Upserts the meeting's outcomes and removes the ones its `outcomes` list no longer names; true when the
 * set changed. A meeting entry without `outcomes` leaves them all alone.
 */
async function syncOutcomes(
  manager: EntityManager,
  placed: PlacedMeeting,
  keys: RecordKeys,
  tally: ImportTally,
  stored: { meetings: StoredMeetings; outcomes: StoredOutcomes },
): Promise<boolean> {
  const outcomes = placed.input.outcomes;
  if (!outcomes) return false;
  const before = storedFor(stored.meetings.outcomeSlugs, placed.id, placed.existing === null) ?? [];
  const wantedSlugs = outcomes.map((outcome) => outcome.slug);
  for (const outcome of outcomes) {
    tally.count("Outcome", (await upsertOutcome(manager, outcome, placed.id, keys, stored.outcomes)).action);
  }
  if (before.some((slug) => !wantedSlugs.includes(slug))) {
    await manager.query(`DELETE FROM outcome WHERE meeting_id = $1 AND NOT (slug = ANY($2))`, [placed.id, wantedSlugs]);
  }
  return !sameValue([...before].sort(), [...wantedSlugs].sort());
}

/** Pass two: the meeting's children, then its own row if anything differs. */
async function finishMeeting(
  manager: EntityManager,
  placed: PlacedMeeting,
  keys: RecordKeys,
  tally: ImportTally,
  stored: { meetings: StoredMeetings; outcomes: StoredOutcomes },
): Promise<UpsertAction> {
  const isNew = placed.existing === null;
  const { input, id } = placed;
  const topicIds = input.topics?.map((topic) => keys.id("topic", topic));
  const predecessorIds = input.precededBy?.map((meeting) => keys.id("meeting", meeting));
  const changes = [
    await syncParticipants(manager, placed, keys, stored.meetings),
    await syncLinks(manager, "meeting_topic", id, topicIds, storedFor(stored.meetings.topics, id, isNew)),
    await syncLinks(manager, "meeting_sequence", id, predecessorIds, storedFor(stored.meetings.precededBy, id, isNew)),
    await syncCitations(
      manager,
      "meetingId",
      id,
      input.sources && citationValues(input.sources, keys),
      storedFor(stored.meetings.citations, id, isNew),
    ),
    await syncOutcomes(manager, placed, keys, tally, stored),
  ];
  if (!placed.existing) return "created";
  return updateRecordIfChanged(manager, Meeting, placed.existing, meetingValues(manager, input, keys), changes.includes(true));
}

/** Upserts the bundle's meetings with their parts and outcomes, reading what is stored of them up front. */
export async function upsertMeetings(
  manager: EntityManager,
  meetings: MeetingEntry[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  if (meetings.length === 0) return;
  const stored = {
    meetings: await loadStoredMeetings(manager, meetings),
    outcomes: await loadStoredOutcomes(
      manager,
      meetings.flatMap((meeting) => meeting.outcomes ?? []),
    ),
  };
  const placed: PlacedMeeting[] = [];
  for (const meeting of meetings) placed.push(await placeMeeting(manager, meeting, keys, stored.meetings));
  for (const meeting of placed) tally.count("Meeting", await finishMeeting(manager, meeting, keys, tally, stored));
}
