import { Attendance, DatePrecision, MeetingFormat, MeetingLevel, MeetingStatus, ParticipantRole } from "../entities/enums";
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
import { OUTCOME, OUTCOME_OBJECT } from "./outcome.record";
import { entries, type RecordDescription } from "./record-description";

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
    topics: references("topic"),
    outcomes: entries(() => OUTCOME, ["meeting"]),
    precededBy: references("meeting"),
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
  snapshot: `SELECT jsonb_build_object('slug', m.slug, 'title', m.title, 'coalition', c.slug, 'date', m.date,
      'datePrecision', m.date_precision, 'status', m.status, 'format', m.format, 'level', m.level,
      'location', CASE WHEN m.location_city IS NULL AND m.location_country_id IS NULL THEN NULL
                       ELSE jsonb_build_object('city', m.location_city, 'country', lc.code) END,
      'participants', coalesce((SELECT jsonb_agg(jsonb_build_object('official', o.slug, 'representing', st.code, 'role', p.role,
          'attendance', p.attendance) ORDER BY o.slug)
        FROM participant p JOIN official o ON o.id = p.official_id LEFT JOIN state st ON st.id = p.representing_state_id
        WHERE p.meeting_id = m.id), '[]'::jsonb),
      'topics', coalesce((SELECT jsonb_agg(t.slug ORDER BY t.slug) FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id
        WHERE mt.meeting_id = m.id), '[]'::jsonb),
      'summary', m.summary,
      'precededBy', coalesce((SELECT jsonb_agg(pm.slug ORDER BY pm.slug) FROM meeting_sequence ms JOIN meeting pm ON pm.id = ms.preceded_by_id
        WHERE ms.meeting_id = m.id), '[]'::jsonb),
      'sources', ${citationsOf("meeting_id", "m.id")},
      'outcomes', coalesce((SELECT jsonb_agg(${OUTCOME_OBJECT} ORDER BY oc.slug)
        FROM outcome oc LEFT JOIN meeting fm ON fm.id = oc.follow_up_meeting_id WHERE oc.meeting_id = m.id), '[]'::jsonb)) AS snapshot
    FROM meeting m LEFT JOIN coalition c ON c.id = m.coalition_id LEFT JOIN state lc ON lc.id = m.location_country_id
    WHERE m.id = $1`,
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
    {
      recordType: "Meeting",
      relation: "preceding meeting",
      find: `SELECT m.id, m.slug AS key FROM meeting_sequence ms JOIN meeting m ON m.id = ms.meeting_id
             WHERE ms.preceded_by_id = $1 AND ms.meeting_id <> $1`,
      cascade: "update",
      detach: `DELETE FROM meeting_sequence WHERE preceded_by_id = $1 AND meeting_id <> $1`,
    },
  ],
} satisfies RecordDescription;
