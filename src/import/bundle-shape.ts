import { MembershipRole, SourceKind } from "../entities/enums";
import { BundleReader, childPath, type JsonObject } from "./bundle-reader";
import type {
  CoalitionInput,
  MembershipInput,
  OfficialInput,
  PositionInput,
  RecordBundle,
  SourceInput,
  StateInput,
  StatementInput,
  TopicInput,
} from "./bundle-types";
import { EntryFields } from "./entry-fields";
import { MEETING_FIELDS, readMeeting } from "./meeting-shape";
import { readItems } from "./record-items";

const SECTIONS = ["sources", "states", "topics", "coalitions", "officials", "meetings", "statements"] as const;

function readSource(reader: BundleReader, object: JsonObject, path: string): SourceInput {
  const fields = new EntryFields(object, path);
  return {
    path,
    missing: fields.missing,
    slug: reader.key(object, "slug", path, "slug"),
    kind: fields.required("kind", () => reader.requiredEnum(object, "kind", path, SourceKind)),
    title: fields.required("title", () => reader.localized(object, "title", path, true)),
    publisher: fields.optional("publisher", () => reader.string(object, "publisher", path)),
    url: fields.optional("url", () => reader.string(object, "url", path)),
    language: fields.optional("language", () => reader.language(object, "language", path)),
    publishedAt: fields.optional("publishedAt", () => reader.dateTime(object, "publishedAt", path)),
  };
}

function readState(reader: BundleReader, object: JsonObject, path: string): StateInput {
  const fields = new EntryFields(object, path);
  return {
    path,
    missing: fields.missing,
    code: reader.key(object, "code", path, "code"),
    name: fields.required("name", () => reader.localized(object, "name", path, true)),
  };
}

function readTopic(reader: BundleReader, object: JsonObject, path: string): TopicInput {
  const fields = new EntryFields(object, path);
  return {
    path,
    missing: fields.missing,
    slug: reader.key(object, "slug", path, "slug"),
    name: fields.required("name", () => reader.localized(object, "name", path, true)),
    description: fields.optional("description", () => reader.localized(object, "description", path)),
    parent: fields.optional("parent", () => reader.reference(object, "parent", path, "topic")),
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
  const fields = new EntryFields(object, path);
  const memberFields = ["state", "role", "since", "until", "sources"];
  return {
    path,
    missing: fields.missing,
    slug: reader.key(object, "slug", path, "slug"),
    name: fields.required("name", () => reader.localized(object, "name", path, true)),
    description: fields.optional("description", () => reader.localized(object, "description", path)),
    foundedOn: fields.optional("foundedOn", () => reader.date(object, "foundedOn", path)),
    members: fields.optional("members", () => readItems(reader, object, "members", path, memberFields, readMembership)),
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
  const fields = new EntryFields(object, path);
  const positionFields = ["title", "organization", "state", "since", "until", "sources"];
  return {
    path,
    missing: fields.missing,
    slug: reader.key(object, "slug", path, "slug"),
    name: fields.required("name", () => reader.localized(object, "name", path, true)),
    positions: fields.optional("positions", () => readItems(reader, object, "positions", path, positionFields, readPosition)),
  };
}

function readStatement(reader: BundleReader, object: JsonObject, path: string): StatementInput {
  const fields = new EntryFields(object, path);
  return {
    path,
    official: reader.reference(object, "official", path, "official", true) ?? "",
    text: reader.string(object, "text", path, true),
    meeting: fields.optional("meeting", () => reader.reference(object, "meeting", path, "meeting")),
    lang: fields.optional("lang", () => reader.language(object, "lang", path)),
    madeOn: fields.optional("madeOn", () => reader.date(object, "madeOn", path)),
    source: fields.optional("source", () => reader.reference(object, "source", path, "source")),
    sources: fields.optional("sources", () => reader.citations(object, "sources", path)),
  };
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
      bundle.meetings.flatMap((meeting) => (meeting.outcomes ?? []).map((record) => ({ path: record.path, key: record.slug }))),
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
