import { Attendance, DatePrecision, MeetingFormat, MeetingLevel, MeetingStatus, ParticipantRole } from "../entities/enums";
import { Meeting } from "../entities/meeting.entity";
import { CITATION, citationsOf } from "./citation.part";
import type { EntryReader } from "./entry-reader";
import {
  date,
  enumOf,
  enumWithDefault,
  key,
  localized,
  object,
  type PartShape,
  parts,
  reference,
  references,
  text,
} from "./fields";
import { OUTCOME, OUTCOME_ROWS } from "./outcome.record";
import { entries, type RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

/** An official's part in a meeting (one per official). */
export const PARTICIPANT = {
  name: "Participant",
  fields: {
    official: reference("official", { required: true }),
    representing: reference("state"),
    role: enumWithDefault(ParticipantRole, ParticipantRole.PARTICIPANT),
    attendance: enumOf(Attendance),
  },
} satisfies PartShape;

export const LOCATION = {
  name: "Location",
  fields: {
    city: text({ max: 200 }),
    country: reference("state"),
  },
} satisfies PartShape;

/**
 * A MONTH date is the first of its month, a YEAR date the first of January (the model's convention).
 * The problem is reported at `field` (the one the entry gave, when the other is stored).
 */
export function checkDatePrecision(
  reader: EntryReader,
  date: string | null,
  precision: DatePrecision,
  path: string,
  field: "date" | "datePrecision" = "date",
): void {
  if (!date) return;
  if (precision === DatePrecision.MONTH && !date.endsWith("-01"))
    reader.problem(`${path}.${field}`, `${date}: a MONTH-precision date must be the first day of the month`);
  if (precision === DatePrecision.YEAR && !date.endsWith("-01-01"))
    reader.problem(`${path}.${field}`, `${date}: a YEAR-precision date must be the first of January`);
}

export const MEETING = {
  type: "Meeting",
  entity: Meeting,
  name: "meeting" as const,
  section: "meetings",
  table: "meeting",
  key: ["slug"] as const,
  keyColumn: "slug",
  fields: {
    slug: key("slug"),
    title: localized({ required: true }),
    coalition: reference("coalition"),
    date: date(),
    datePrecision: enumWithDefault(DatePrecision, DatePrecision.DAY),
    status: enumOf(MeetingStatus, { required: true }),
    format: enumOf(MeetingFormat),
    level: enumOf(MeetingLevel),
    location: object(LOCATION),
    summary: localized(),
    participants: parts(PARTICIPANT, { uniqueBy: "official" }),
    topics: references("topic", { table: "meeting_topic", owner: "meeting_id", target: "topic_id", relation: "topic" }),
    outcomes: entries(() => OUTCOME, ["meeting"]),
    precededBy: references("meeting", {
      table: "meeting_sequence",
      owner: "meeting_id",
      target: "preceded_by_id",
      relation: "preceding meeting",
    }),
    sources: parts(CITATION, { bare: "source" }),
  },
  check: (meeting, reader, path) => {
    const { date, datePrecision, slug, precededBy } = meeting;
    if (date !== undefined && datePrecision !== undefined)
      checkDatePrecision(reader, date as string | null, datePrecision as DatePrecision, path);
    if (Array.isArray(precededBy)) {
      const index = precededBy.indexOf(slug);
      if (index >= 0) reader.problem(`${path}.precededBy[${index}]`, "a meeting cannot follow up on itself");
    }
  },
  snapshot: snapshotStatement({
    table: "meeting m",
    joins: "LEFT JOIN coalition c ON c.id = m.coalition_id LEFT JOIN state lc ON lc.id = m.location_country_id",
    id: "m.id",
    object: (list) => `json_build_object('slug', m.slug, 'title', m.title, 'coalition', c.slug, 'date', m.date,
      'datePrecision', m.date_precision, 'status', m.status, 'format', m.format, 'level', m.level,
      'location', CASE WHEN m.location_city IS NULL AND m.location_country_id IS NULL THEN NULL
                       ELSE json_build_object('city', m.location_city, 'country', lc.code) END,
      'participants', ${list({
        table: "participant p",
        joins: "JOIN official o ON o.id = p.official_id LEFT JOIN state st ON st.id = p.representing_state_id",
        owner: "p.meeting_id",
        order: "o.slug",
        object: () =>
          `json_build_object('official', o.slug, 'representing', st.code, 'role', p.role, 'attendance', p.attendance)`,
      })},
      'topics', ${list({ table: "meeting_topic mt", joins: "JOIN topic t ON t.id = mt.topic_id", owner: "mt.meeting_id", order: "t.slug", object: () => "t.slug" })},
      'summary', m.summary,
      'precededBy', ${list({
        table: "meeting_sequence ms",
        joins: "JOIN meeting pm ON pm.id = ms.preceded_by_id",
        owner: "ms.meeting_id",
        order: "pm.slug",
        object: () => "pm.slug",
      })},
      'sources', ${list(citationsOf("meeting_id"))},
      'outcomes', ${list(OUTCOME_ROWS)})`,
  }),
  dependants: [
    {
      recordType: "Outcome",
      relation: "meeting",
      find: `SELECT id, slug AS key FROM outcome WHERE meeting_id = $1`,
      cascade: "delete",
    },
    {
      recordType: "Outcome",
      relation: "follow-up meeting",
      find: `SELECT id, slug AS key FROM outcome WHERE follow_up_meeting_id = $1 AND meeting_id <> $1`,
      cascade: "update",
      detach: `UPDATE outcome SET follow_up_meeting_id = NULL WHERE follow_up_meeting_id = $1`,
    },
    {
      recordType: "Statement",
      relation: "meeting",
      find: `SELECT id, NULL AS key FROM statement WHERE meeting_id = $1`,
      cascade: "update",
      detach: `UPDATE statement SET meeting_id = NULL WHERE meeting_id = $1`,
    },
  ],
} satisfies RecordDescription;
