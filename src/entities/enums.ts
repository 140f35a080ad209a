/** The closed vocabularies of the records. Stored as text with CHECK constraints (see `checkIn`). */

export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
export enum MeetingStatus {
  PLANNED = "PLANNED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
  POSTPONED = "POSTPONED",
}
export enum MeetingFormat {
  IN_PERSON = "IN_PERSON",
  VIDEO_CONFERENCE = "VIDEO_CONFERENCE",
  HYBRID = "HYBRID",
  PHONE_CALL = "PHONE_CALL",
}
export enum MeetingLevel {
  HEADS_OF_STATE = "HEADS_OF_STATE",
  MINISTERS = "MINISTERS",
  CHIEFS_OF_DEFENCE = "CHIEFS_OF_DEFENCE",
  SENIOR_OFFICIALS = "SENIOR_OFFICIALS",
  EXPERTS = "EXPERTS",
}
export enum ParticipantRole {
  HOST = "HOST",
  CHAIR = "CHAIR",
  PARTICIPANT = "PARTICIPANT",
  OBSERVER = "OBSERVER",
  GUEST = "GUEST",
}
export enum Attendance {
  IN_PERSON = "IN_PERSON",
  REMOTE = "REMOTE",
}
export enum MembershipRole {
  FOUNDER = "FOUNDER",
  MEMBER = "MEMBER",
  PARTNER = "PARTNER",
  OBSERVER = "OBSERVER",
}
export enum OutcomeKind {
  STATEMENT = "STATEMENT",
  DECISION = "DECISION",
  AGREEMENT = "AGREEMENT",
  COMMITMENT = "COMMITMENT",
  FOLLOW_UP = "FOLLOW_UP",
}
export enum OutcomeStatus {
  PROPOSED = "PROPOSED",
  AGREED = "AGREED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  ABANDONED = "ABANDONED",
}
export enum SourceKind {
  NEWS_ARTICLE = "NEWS_ARTICLE",
  SOCIAL_POST = "SOCIAL_POST",
  OFFICIAL_STATEMENT = "OFFICIAL_STATEMENT",
  COMMUNIQUE = "COMMUNIQUE",
  TRANSCRIPT = "TRANSCRIPT",
  OTHER = "OTHER",
}

/** SQL for a CHECK constraint that keeps `column` within the values of a string enum. */
export function checkIn(column: string, values: Record<string, string>, nullable = false): string {
  const list = Object.values(values)
    .map((value) => `'${value}'`)
    .join(", ");
  return nullable ? `${column} IS NULL OR ${column} IN (${list})` : `${column} IN (${list})`;
}
