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
 * as objects, absent optional fields as null. `path` is where the record sits in the bundle (for messages).
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

export interface SourceInput {
  path: string;
  slug: string;
  kind: SourceKind;
  title: LocalizedText;
  publisher: string | null;
  url: string | null;
  language: string | null;
  publishedAt: Date | null;
}

export interface StateInput {
  path: string;
  code: string;
  name: LocalizedText;
}

export interface TopicInput {
  path: string;
  slug: string;
  name: LocalizedText;
  description: LocalizedText | null;
  parent: string | null;
}

export interface MembershipInput {
  state: string;
  role: MembershipRole;
  since: string | null;
  until: string | null;
  sources: CitationInput[];
}

export interface CoalitionInput {
  path: string;
  slug: string;
  name: LocalizedText;
  description: LocalizedText | null;
  foundedOn: string | null;
  members: MembershipInput[];
}

export interface PositionInput {
  title: LocalizedText;
  organization: LocalizedText | null;
  state: string | null;
  since: string | null;
  until: string | null;
  sources: CitationInput[];
}

export interface OfficialInput {
  path: string;
  slug: string;
  name: LocalizedText;
  positions: PositionInput[];
}

export interface ParticipantInput {
  official: string;
  representing: string | null;
  role: ParticipantRole;
  attendance: Attendance | null;
}

export interface OutcomeInput {
  path: string;
  slug: string;
  kind: OutcomeKind;
  status: OutcomeStatus;
  summary: LocalizedText;
  topics: string[];
  parties: string[];
  followUpMeeting: string | null;
  sources: CitationInput[];
}

export interface MeetingInput {
  path: string;
  slug: string;
  title: LocalizedText;
  coalition: string | null;
  date: string | null;
  datePrecision: DatePrecision;
  status: MeetingStatus;
  format: MeetingFormat | null;
  level: MeetingLevel | null;
  locationCity: string | null;
  locationCountry: string | null;
  summary: LocalizedText | null;
  participants: ParticipantInput[];
  topics: string[];
  outcomes: OutcomeInput[];
  precededBy: string[];
  sources: CitationInput[];
}

export interface StatementInput {
  path: string;
  official: string;
  meeting: string | null;
  text: string;
  lang: string | null;
  madeOn: string | null;
  source: string | null;
  sources: CitationInput[];
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
