import {
  Attendance,
  DatePrecision,
  MeetingFormat,
  MeetingLevel,
  MeetingStatus,
  MembershipRole,
  OutcomeKind,
  OutcomeStatus,
  ParticipantRole,
  SourceKind,
} from "../entities/enums";
import { BundleReader, childPath, type JsonObject } from "./bundle-reader";
import type {
  CoalitionInput,
  MeetingInput,
  MembershipInput,
  OfficialInput,
  OutcomeInput,
  ParticipantInput,
  PositionInput,
  RecordBundle,
  SourceInput,
  StateInput,
  StatementInput,
  TopicInput,
} from "./bundle-types";

/** Reads one record at `path` (an object already checked) into its typed form. */
type RecordParser<T> = (reader: BundleReader, object: JsonObject, path: string) => T;

const SECTIONS = ["sources", "states", "topics", "coalitions", "officials", "meetings", "statements"] as const;

function readSource(reader: BundleReader, object: JsonObject, path: string): SourceInput {
  return {
    path,
    slug: reader.key(object, "slug", path, "slug"),
    kind: reader.requiredEnum(object, "kind", path, SourceKind),
    title: reader.localized(object, "title", path, true),
    publisher: reader.string(object, "publisher", path),
    url: reader.string(object, "url", path),
    language: reader.language(object, "language", path),
    publishedAt: reader.dateTime(object, "publishedAt", path),
  };
}

function readState(reader: BundleReader, object: JsonObject, path: string): StateInput {
  return { path, code: reader.key(object, "code", path, "code"), name: reader.localized(object, "name", path, true) };
}

function readTopic(reader: BundleReader, object: JsonObject, path: string): TopicInput {
  return {
    path,
    slug: reader.key(object, "slug", path, "slug"),
    name: reader.localized(object, "name", path, true),
    description: reader.localized(object, "description", path),
    parent: reader.reference(object, "parent", path, "topic"),
  };
}

/** `since` after `until` is a problem. */
function readPeriod(reader: BundleReader, object: JsonObject, path: string): { since: string | null; until: string | null } {
  const since = reader.date(object, "since", path);
  const until = reader.date(object, "until", path);
  if (since && until && since > until) reader.problem(childPath(path, "until"), `${until} is before since (${since})`);
  return { since, until };
}

function readMembership(reader: BundleReader, object: JsonObject, path: string): MembershipInput {
  return {
    state: reader.reference(object, "state", path, "state", true) ?? "",
    role: reader.enumValue(object, "role", path, MembershipRole, MembershipRole.MEMBER),
    ...readPeriod(reader, object, path),
    sources: reader.citations(object, "sources", path),
  };
}

function readCoalition(reader: BundleReader, object: JsonObject, path: string): CoalitionInput {
  return {
    path,
    slug: reader.key(object, "slug", path, "slug"),
    name: reader.localized(object, "name", path, true),
    description: reader.localized(object, "description", path),
    foundedOn: reader.date(object, "foundedOn", path),
    members: readItems(reader, object, "members", path, ["state", "role", "since", "until", "sources"], readMembership),
  };
}

function readPosition(reader: BundleReader, object: JsonObject, path: string): PositionInput {
  return {
    title: reader.localized(object, "title", path, true),
    organization: reader.localized(object, "organization", path),
    state: reader.reference(object, "state", path, "state"),
    ...readPeriod(reader, object, path),
    sources: reader.citations(object, "sources", path),
  };
}

function readOfficial(reader: BundleReader, object: JsonObject, path: string): OfficialInput {
  const positionFields = ["title", "organization", "state", "since", "until", "sources"];
  return {
    path,
    slug: reader.key(object, "slug", path, "slug"),
    name: reader.localized(object, "name", path, true),
    positions: readItems(reader, object, "positions", path, positionFields, readPosition),
  };
}

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

const MEETING_FIELDS = [
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

function readMeeting(reader: BundleReader, object: JsonObject, path: string): MeetingInput {
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

function readStatement(reader: BundleReader, object: JsonObject, path: string): StatementInput {
  return {
    path,
    official: reader.reference(object, "official", path, "official", true) ?? "",
    meeting: reader.reference(object, "meeting", path, "meeting"),
    text: reader.string(object, "text", path, true),
    lang: reader.language(object, "lang", path),
    madeOn: reader.date(object, "madeOn", path),
    source: reader.reference(object, "source", path, "source"),
    sources: reader.citations(object, "sources", path),
  };
}

/** Reads each object of the array at `key`; items that are not objects become problems only. */
function readItems<T>(
  reader: BundleReader,
  object: JsonObject,
  key: string,
  path: string,
  fields: readonly string[],
  parse: RecordParser<T>,
): T[] {
  const items: T[] = [];
  for (const item of reader.list(object, key, path)) {
    const itemObject = reader.object(item.value, item.path, fields);
    if (itemObject) items.push(parse(reader, itemObject, item.path));
  }
  return items;
}

/** Names every item whose key was already used earlier in the same list. */
function reportDuplicates<T>(reader: BundleReader, items: T[], keyOf: (item: T) => string, listPath: string, what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else reader.problem(`${listPath}[${index}]`, `${what} "${key}" is already at ${listPath}[${first}]`);
  });
}

/** Human keys given twice anywhere in the bundle (outcomes are keyed across all meetings). */
function reportDuplicateKeys(reader: BundleReader, bundle: RecordBundle): void {
  const groups: [string, { path: string; key: string }[]][] = [
    ["source", bundle.sources.map((record) => ({ path: record.path, key: record.slug }))],
    ["state", bundle.states.map((record) => ({ path: record.path, key: record.code }))],
    ["topic", bundle.topics.map((record) => ({ path: record.path, key: record.slug }))],
    ["coalition", bundle.coalitions.map((record) => ({ path: record.path, key: record.slug }))],
    ["official", bundle.officials.map((record) => ({ path: record.path, key: record.slug }))],
    ["meeting", bundle.meetings.map((record) => ({ path: record.path, key: record.slug }))],
    [
      "outcome",
      bundle.meetings.flatMap((meeting) => meeting.outcomes.map((record) => ({ path: record.path, key: record.slug }))),
    ],
    ["statement", bundle.statements.map((record) => ({ path: record.path, key: `${record.official}\u0000${record.text}` }))],
  ];
  for (const [type, entries] of groups) {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      if (!entry.key || entry.key.startsWith("\u0000")) continue;
      const first = seen.get(entry.key);
      if (first === undefined) seen.set(entry.key, entry.path);
      else reader.problem(entry.path, `the same ${type} is already at ${first}`);
    }
  }
}

/** Checks the bundle's shape; returns the typed bundle and the reader holding problems and references. */
export function readBundleShape(raw: unknown): { bundle: RecordBundle; reader: BundleReader } {
  const reader = new BundleReader();
  const empty: RecordBundle = {
    sources: [],
    states: [],
    topics: [],
    coalitions: [],
    officials: [],
    meetings: [],
    statements: [],
  };
  const root = reader.object(raw, "", SECTIONS);
  if (!root) return { bundle: empty, reader };
  const bundle: RecordBundle = {
    sources: readItems(
      reader,
      root,
      "sources",
      "",
      ["slug", "kind", "title", "publisher", "url", "language", "publishedAt"],
      readSource,
    ),
    states: readItems(reader, root, "states", "", ["code", "name"], readState),
    topics: readItems(reader, root, "topics", "", ["slug", "name", "description", "parent"], readTopic),
    coalitions: readItems(reader, root, "coalitions", "", ["slug", "name", "description", "foundedOn", "members"], readCoalition),
    officials: readItems(reader, root, "officials", "", ["slug", "name", "positions"], readOfficial),
    meetings: readItems(reader, root, "meetings", "", MEETING_FIELDS, readMeeting),
    statements: readItems(
      reader,
      root,
      "statements",
      "",
      ["official", "meeting", "text", "lang", "madeOn", "source", "sources"],
      readStatement,
    ),
  };
  reportDuplicateKeys(reader, bundle);
  return { bundle, reader };
}
