import {
  Attendance,
  DatePrecision,
  MeetingFormat,
  MeetingLevel,
  MeetingStatus,
  OutcomeKind,
  OutcomeStatus,
  ParticipantRole,
} from "../entities/enums";
import { type BundleReader, childPath, type JsonObject } from "./bundle-reader";
import type { MeetingInput, OutcomeInput, ParticipantInput } from "./bundle-types";
import { EntryFields } from "./entry-fields";
import { readItems, reportDuplicates } from "./record-items";

const PARTICIPANT_FIELDS = ["official", "representing", "role", "attendance"];
const OUTCOME_FIELDS = ["slug", "kind", "status", "summary", "topics", "parties", "followUpMeeting", "sources"];

function readParticipant(reader: BundleReader, object: JsonObject, path: string): ParticipantInput {
  return {
    official: reader.reference(object, "official", path, "official", true) ?? "",
    representing: reader.reference(object, "representing", path, "state"),
    role: reader.enumValue(object, "role", path, ParticipantRole, ParticipantRole.PARTICIPANT),
    attendance: reader.enumValue(object, "attendance", path, Attendance),
  };
}

function readOutcome(reader: BundleReader, object: JsonObject, path: string): OutcomeInput {
  const fields = new EntryFields(object, path);
  return {
    path,
    missing: fields.missing,
    slug: reader.key(object, "slug", path, "slug"),
    kind: fields.required("kind", () => reader.requiredEnum(object, "kind", path, OutcomeKind)),
    status: fields.required("status", () => reader.requiredEnum(object, "status", path, OutcomeStatus)),
    summary: fields.required("summary", () => reader.localized(object, "summary", path, true)),
    topics: fields.optional("topics", () => reader.referenceList(object, "topics", path, "topic")),
    parties: fields.optional("parties", () => reader.referenceList(object, "parties", path, "state")),
    followUpMeeting: fields.optional("followUpMeeting", () => reader.reference(object, "followUpMeeting", path, "meeting")),
    sources: fields.optional("sources", () => reader.citations(object, "sources", path)),
  };
}

/**
 * A MONTH date is the first of its month, a YEAR date the first of January (the model's convention).
 * The problem is reported at `field` (the one the entry gave, when the other is stored).
 */
export function checkDatePrecision(
  reader: BundleReader,
  date: string | null,
  precision: DatePrecision,
  path: string,
  field: "date" | "datePrecision" = "date",
): void {
  if (!date) return;
  if (precision === DatePrecision.MONTH && !date.endsWith("-01")) {
    reader.problem(childPath(path, field), `${date}: a MONTH-precision date must be the first day of the month`);
  }
  if (precision === DatePrecision.YEAR && !date.endsWith("-01-01")) {
    reader.problem(childPath(path, field), `${date}: a YEAR-precision date must be the first of January`);
  }
}

type Location = { city?: string | null; country?: string | null };

/** `location` is patched like the entry: null clears city and country, a key left out of the object keeps its value. */
function readLocation(reader: BundleReader, object: JsonObject, path: string): Location {
  if (object.location === undefined) return {};
  if (object.location === null) return { city: null, country: null };
  const at = childPath(path, "location");
  const location = reader.object(object.location, at, ["city", "country"]);
  if (!location) return {};
  const fields = new EntryFields(location, at);
  return {
    city: fields.optional("city", () => reader.string(location, "city", at)),
    country: fields.optional("country", () => reader.reference(location, "country", at, "state")),
  };
}

function readParticipants(reader: BundleReader, object: JsonObject, path: string): ParticipantInput[] {
  const participants = readItems(reader, object, "participants", path, PARTICIPANT_FIELDS, readParticipant);
  reportDuplicates(reader, participants, (participant) => participant.official, childPath(path, "participants"), "official");
  return participants;
}

/** Date and precision as the entry gives them; when it gives only one, stored-entry-checks.ts checks it with the stored other. */
function readDate(reader: BundleReader, fields: EntryFields, object: JsonObject, path: string) {
  const date = fields.optional("date", () => reader.date(object, "date", path));
  const datePrecision = fields.optional("datePrecision", () =>
    reader.enumValue(object, "datePrecision", path, DatePrecision, DatePrecision.DAY),
  );
  if (date !== undefined && datePrecision !== undefined) checkDatePrecision(reader, date, datePrecision, path);
  return { date, datePrecision };
}

export const MEETING_FIELDS = [
  "slug",
  "title",
  "coalition",
  "date",
  "datePrecision",
  "status",
  "format",
  "level",
  "location",
  "summary",
  "participants",
  "topics",
  "outcomes",
  "precededBy",
  "sources",
];

export function readMeeting(reader: BundleReader, object: JsonObject, path: string): MeetingInput {
  const fields = new EntryFields(object, path);
  const slug = reader.key(object, "slug", path, "slug");
  const location = readLocation(reader, object, path);
  const precededBy = fields.optional("precededBy", () => reader.referenceList(object, "precededBy", path, "meeting"));
  if (slug && precededBy?.includes(slug)) reader.problem(childPath(path, "precededBy"), `a meeting cannot precede itself`);
  return {
    path,
    missing: fields.missing,
    slug,
    title: fields.required("title", () => reader.localized(object, "title", path, true)),
    coalition: fields.optional("coalition", () => reader.reference(object, "coalition", path, "coalition")),
    ...readDate(reader, fields, object, path),
    status: fields.required("status", () => reader.requiredEnum(object, "status", path, MeetingStatus)),
    format: fields.optional("format", () => reader.enumValue(object, "format", path, MeetingFormat)),
    level: fields.optional("level", () => reader.enumValue(object, "level", path, MeetingLevel)),
    locationCity: location.city,
    locationCountry: location.country,
    summary: fields.optional("summary", () => reader.localized(object, "summary", path)),
    participants: fields.optional("participants", () => readParticipants(reader, object, path)),
    topics: fields.optional("topics", () => reader.referenceList(object, "topics", path, "topic")),
    outcomes: fields.optional("outcomes", () => readItems(reader, object, "outcomes", path, OUTCOME_FIELDS, readOutcome)),
    precededBy,
    sources: fields.optional("sources", () => reader.citations(object, "sources", path)),
  };
}
