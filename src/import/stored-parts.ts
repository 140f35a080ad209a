import type { EntityManager, EntityTarget } from "typeorm";
import { Meeting } from "../entities/meeting.entity";
import { Outcome } from "../entities/outcome.entity";
import type { RecordEntry } from "../records";
import { type CitationValues, loadCitations } from "./citations";
import { loadLinks } from "./link-tables";

/**
 * What is stored of the meetings and outcomes a bundle names, read up front in a few statements (one
 * per table, whatever the bundle's size) so the upserts compare without a query per record.
 */

export interface ParticipantValues {
  officialId: number;
  representingStateId: number | null;
  role: string;
  attendance: string | null;
}

export interface StoredMeetings {
  bySlug: Map<string, Meeting>;
  byId: Map<number, Meeting>;
  participants: Map<number, ParticipantValues[]>;
  topics: Map<number, number[]>;
  precededBy: Map<number, number[]>;
  citations: Map<number, CitationValues[]>;
  outcomeSlugs: Map<number, string[]>;
}

export interface StoredOutcomes {
  bySlug: Map<string, Outcome>;
  byId: Map<number, Outcome>;
  topics: Map<number, number[]>;
  parties: Map<number, number[]>;
  citations: Map<number, CitationValues[]>;
}

async function loadParticipants(manager: EntityManager, meetingIds: number[]): Promise<Map<number, ParticipantValues[]>> {
  const byMeeting = new Map<number, ParticipantValues[]>(meetingIds.map((id) => [id, []]));
  const rows: (ParticipantValues & { meetingId: number })[] = await manager.query(
    `SELECT meeting_id AS "meetingId", official_id AS "officialId", representing_state_id AS "representingStateId", role, attendance
       FROM participant WHERE meeting_id = ANY($1) ORDER BY id`,
    [meetingIds],
  );
  for (const { meetingId, ...participant } of rows) byMeeting.get(meetingId)?.push(participant);
  return byMeeting;
}

async function loadOutcomeSlugs(manager: EntityManager, meetingIds: number[]): Promise<Map<number, string[]>> {
  const byMeeting = new Map<number, string[]>(meetingIds.map((id) => [id, []]));
  const rows: { meetingId: number; slug: string }[] = await manager.query(
    `SELECT meeting_id AS "meetingId", slug FROM outcome WHERE meeting_id = ANY($1)`,
    [meetingIds],
  );
  for (const row of rows) byMeeting.get(row.meetingId)?.push(row.slug);
  return byMeeting;
}

/** The stored meetings among `slugs`, with their participants, topics, predecessors, citations and outcomes. */
export async function loadStoredMeetings(manager: EntityManager, entries: RecordEntryWithSlug[]): Promise<StoredMeetings> {
  const meetings = await storedRows(manager, Meeting, entries);
  const ids = meetings.map((meeting) => meeting.id);
  return {
    bySlug: new Map(meetings.map((meeting) => [meeting.slug, meeting])),
    byId: new Map(meetings.map((meeting) => [meeting.id, meeting])),
    participants: await loadParticipants(manager, ids),
    topics: await loadLinks(manager, "meeting_topic", ids),
    precededBy: await loadLinks(manager, "meeting_sequence", ids),
    citations: await loadCitations(manager, "meetingId", ids),
    outcomeSlugs: await loadOutcomeSlugs(manager, ids),
  };
}

/** The stored outcomes among `slugs`, with their topics, parties and citations. */
export async function loadStoredOutcomes(manager: EntityManager, entries: RecordEntryWithSlug[]): Promise<StoredOutcomes> {
  const outcomes = await storedRows(manager, Outcome, entries);
  const ids = outcomes.map((outcome) => outcome.id);
  return {
    bySlug: new Map(outcomes.map((outcome) => [outcome.slug, outcome])),
    byId: new Map(outcomes.map((outcome) => [outcome.id, outcome])),
    topics: await loadLinks(manager, "outcome_topic", ids),
    parties: await loadLinks(manager, "outcome_party", ids),
    citations: await loadCitations(manager, "outcomeId", ids),
  };
}

type RecordEntryWithSlug = RecordEntry & { slug: string };

/** The stored rows the entries name: by slug, or by id for an entry that names its stored record (a mutation's). */
function storedRows<E extends Meeting | Outcome>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  entries: RecordEntryWithSlug[],
) {
  return manager
    .createQueryBuilder(entity, "record")
    .where("record.slug = ANY(:slugs) OR record.id = ANY(:ids)", {
      slugs: entries.filter((entry) => entry.storedId === undefined).map((entry) => entry.slug),
      ids: entries.flatMap((entry) => (entry.storedId == null ? [] : [entry.storedId])),
    })
    .getMany();
}

/** The stored meeting an entry writes, if any. */
export function storedMeeting(stored: StoredMeetings, entry: RecordEntryWithSlug): Meeting | null {
  if (entry.storedId === null) return null;
  if (entry.storedId === null) return null;
  return (entry.storedId === undefined ? stored.bySlug.get(entry.slug) : stored.byId.get(entry.storedId)) ?? null;
}

/** The stored outcome an entry writes, if any. */
export function storedOutcome(stored: StoredOutcomes, entry: RecordEntryWithSlug): Outcome | null {
  if (entry.storedId === null) return null;
  return (entry.storedId === undefined ? stored.bySlug.get(entry.slug) : stored.byId.get(entry.storedId)) ?? null;
}

/** What is stored for a record: its entry of `byId`, or null when the record is new (nothing stored). */
export function storedFor<V>(byId: Map<number, V[]>, id: number, isNew: boolean): V[] | null {
  return isNew ? null : (byId.get(id) ?? []);
}
