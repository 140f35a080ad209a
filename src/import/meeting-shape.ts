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
import { readItems, reportDuplicates } from "./record-items";

function readParticipant(reader: BundleReader, object: JsonObject, path: string): ParticipantInput {
  return {
    official: reader.reference(object, "official", path, "official", true) ?? "",
    representing: reader.reference(object, "representing", path, "state"),
    role: reader.enumValue(object, "role", path, ParticipantRole, ParticipantRole.PARTICIPANT),
    attendance: reader.enumValue(object, "attendance", path, Attendance),
  };
}

function readOutcome(reader: BundleReader, object: JsonObject, path: string): OutcomeInput {
  return {
    path,
    slug: reader.key(object, "slug", path, "slug"),
    kind: reader.requiredEnum(object, "kind", path, OutcomeKind),
    status: reader.requiredEnum(object, "status", path, OutcomeStatus),
    summary: reader.localized(object, "summary", path, true),
    topics: reader.referenceList(object, "topics", path, "topic"),
    parties: reader.referenceList(object, "parties", path, "state"),
    followUpMeeting: reader.reference(object, "followUpMeeting", path, "meeting"),
    sources: reader.citations(object, "sources", path),
  };
}

/** A MONTH date is the first of its month, a YEAR date the first of January (the model's convention). */
function checkDatePrecision(reader: BundleReader, date: string | null, precision: DatePrecision, path: string): void {
  if (!date) return;
  if (precision === DatePrecision.MONTH && !date.endsWith("-01")) {
    reader.problem(childPath(path, "date"), `${date}: a MONTH-precision date must be the first day of the month`);
  }
  if (precision === DatePrecision.YEAR && !date.endsWith("-01-01")) {
    reader.problem(childPath(path, "date"), `${date}: a YEAR-precision date must be the first of January`);
  }
}

function readLocation(reader: BundleReader, object: JsonObject, path: string): { city: string | null; country: string | null } {
  if (object.location === undefined || object.location === null) return { city: null, country: null };
  const at = childPath(path, "location");
  const location = reader.object(object.location, at, ["city", "country"]);
  if (!location) return { city: null, country: null };
  return { city: reader.string(location, "city", at), country: reader.reference(location, "country", at, "state") };
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
const OUTCOME_FIELDS = ["slug", "kind", "status", "summary", "topics", "parties", "followUpMeeting", "sources"];

export function readMeeting(reader: BundleReader, object: JsonObject, path: string): MeetingInput {
  const slug = reader.key(object, "slug", path, "slug");
  const date = reader.date(object, "date", path);
  const datePrecision = reader.enumValue(object, "datePrecision", path, DatePrecision, DatePrecision.DAY);
  checkDatePrecision(reader, date, datePrecision, path);
  const location = readLocation(reader, object, path);
  const precededBy = reader.referenceList(object, "precededBy", path, "meeting");
  if (slug && precededBy.includes(slug)) reader.problem(childPath(path, "precededBy"), `a meeting cannot precede itself`);
  const participants = readItems(
    reader,
    object,
    "participants",
    path,
    ["official", "representing", "role", "attendance"],
    readParticipant,
  );
  reportDuplicates(reader, participants, (participant) => participant.official, childPath(path, "participants"), "official");
  return {
    path,
    slug,
    title: reader.localized(object, "title", path, true),
    coalition: reader.reference(object, "coalition", path, "coalition"),
    date,
    datePrecision,
    status: reader.requiredEnum(object, "status", path, MeetingStatus),
    format: reader.enumValue(object, "format", path, MeetingFormat),
    level: reader.enumValue(object, "level", path, MeetingLevel),
    locationCity: location.city,
    locationCountry: location.country,
    summary: reader.localized(object, "summary", path),
    participants,
    topics: reader.referenceList(object, "topics", path, "topic"),
    outcomes: readItems(reader, object, "outcomes", path, OUTCOME_FIELDS, readOutcome),
    precededBy,
    sources: reader.citations(object, "sources", path),
  };
}
