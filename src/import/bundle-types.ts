import type {
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
import type { LocalizedText } from "../entities/localized-text";

/**
 * A record bundle after its shape was checked: every value typed, localized text as objects, citations
 * as objects. A record entry is a patch of the record its human key names: a field left out of the entry
 * is `undefined` here (the stored value stays), an explicit `null` is `null` (the stored value is cleared),
 * and a child list given (even empty) replaces the stored one. `path` is where the record sits in the
 * bundle (for messages); `missing` lists the paths of the required fields the entry leaves out, a problem
 * only when the record is not stored yet.
 */

/** The kinds of record a bundle may refer to by human key. */
export type ReferenceType = "source" | "state" | "topic" | "coalition" | "official" | "meeting";

/** One reference by human key, and where it was written. */
export interface RecordReference {
  type: ReferenceType;
  key: string;
  path: string;
}

export interface CitationInput {
  source: string;
  quote: string | null;
  quoteLang: string | null;
}

/** Where a record entry sits and which of its required fields it leaves out. */
export interface RecordEntry {
  path: string;
  missing: string[];
}

export interface SourceInput extends RecordEntry {
  slug: string;
  kind?: SourceKind;
  title?: LocalizedText;
  publisher?: string | null;
  url?: string | null;
  language?: string | null;
  publishedAt?: Date | null;
}

export interface StateInput extends RecordEntry {
  code: string;
  name?: LocalizedText;
}

export interface TopicInput extends RecordEntry {
  slug: string;
  name?: LocalizedText;
  description?: LocalizedText | null;
  parent?: string | null;
}

export interface MembershipInput {
  state: string;
  role: MembershipRole;
  since: string | null;
  until: string | null;
  sources: CitationInput[];
}

export interface CoalitionInput extends RecordEntry {
  slug: string;
  name?: LocalizedText;
  description?: LocalizedText | null;
  foundedOn?: string | null;
  members?: MembershipInput[];
}

export interface PositionInput {
  title: LocalizedText;
  organization: LocalizedText | null;
  state: string | null;
  since: string | null;
  until: string | null;
  sources: CitationInput[];
}

export interface OfficialInput extends RecordEntry {
  slug: string;
  name?: LocalizedText;
  positions?: PositionInput[];
}

export interface ParticipantInput {
  official: string;
  representing: string | null;
  role: ParticipantRole;
  attendance: Attendance | null;
}

export interface OutcomeInput extends RecordEntry {
  slug: string;
  kind?: OutcomeKind;
  status?: OutcomeStatus;
  summary?: LocalizedText;
  topics?: string[];
  parties?: string[];
  followUpMeeting?: string | null;
  sources?: CitationInput[];
}

export interface MeetingInput extends RecordEntry {
  slug: string;
  title?: LocalizedText;
  coalition?: string | null;
  date?: string | null;
  /** Explicit null is the default, DAY. */
  datePrecision?: DatePrecision;
  status?: MeetingStatus;
  format?: MeetingFormat | null;
  level?: MeetingLevel | null;
  locationCity?: string | null;
  locationCountry?: string | null;
  summary?: LocalizedText | null;
  participants?: ParticipantInput[];
  topics?: string[];
  outcomes?: OutcomeInput[];
  precededBy?: string[];
  sources?: CitationInput[];
}

/** A statement's key is its official and text (both always required); the rest is a patch like any record's. */
export interface StatementInput {
  path: string;
  official: string;
  text: string;
  meeting?: string | null;
  lang?: string | null;
  madeOn?: string | null;
  source?: string | null;
  sources?: CitationInput[];
}

export interface RecordBundle {
  sources: SourceInput[];
  states: StateInput[];
  topics: TopicInput[];
  coalitions: CoalitionInput[];
  officials: OfficialInput[];
  meetings: MeetingInput[];
  statements: StatementInput[];
}
