import { registerEnumType } from "type-graphql";
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

/**
 * Registers the records' closed vocabularies as GraphQL enums (one place, imported by object types and filters
 * alike; type-graphql keys registrations by the enum object, so importing this module twice is harmless).
 */
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How much of a date is known; a less precise date is stored as the first day of its month or year.",
  valuesConfig: {
    DAY: { description: "The exact day is known." },
    MONTH: { description: "Only the month is known; the date is the first day of that month." },
    YEAR: { description: "Only the year is known; the date is the first of January of that year." },
  },
});
registerEnumType(MeetingStatus, {
  name: "MeetingStatus",
  description: "Whether a meeting took place.",
  valuesConfig: {
    PLANNED: { description: "Announced, not yet held." },
    HELD: { description: "It took place." },
    CANCELLED: { description: "Called off." },
    POSTPONED: { description: "Moved to a later, possibly unknown, date." },
  },
});
registerEnumType(MeetingFormat, {
  name: "MeetingFormat",
  description: "How the participants met.",
  valuesConfig: {
    IN_PERSON: { description: "Everyone in one place." },
    VIDEO_CONFERENCE: { description: "Everyone by video link." },
    HYBRID: { description: "Some in person, some by video link." },
    PHONE_CALL: { description: "A telephone call." },
  },
});
registerEnumType(MeetingLevel, {
  name: "MeetingLevel",
  description: "The rank of the people who met.",
  valuesConfig: {
    HEADS_OF_STATE: { description: "Heads of state or government." },
    MINISTERS: { description: "Ministers." },
    CHIEFS_OF_DEFENCE: { description: "Chiefs of defence staff." },
    SENIOR_OFFICIALS: { description: "Senior officials (advisers, deputy ministers, sherpas)." },
    EXPERTS: { description: "Expert or working level." },
  },
});
registerEnumType(ParticipantRole, {
  name: "ParticipantRole",
  description: "The part an official played in a meeting.",
  valuesConfig: {
    HOST: { description: "Hosted the meeting." },
    CHAIR: { description: "Chaired the meeting." },
    PARTICIPANT: { description: "Took part." },
    OBSERVER: { description: "Attended as an observer." },
    GUEST: { description: "Attended as an invited guest." },
  },
});
registerEnumType(Attendance, {
  name: "Attendance",
  description: "How an official attended.",
  valuesConfig: {
    IN_PERSON: { description: "Present in person." },
    REMOTE: { description: "Joined remotely." },
  },
});
registerEnumType(MembershipRole, {
  name: "MembershipRole",
  description: "A state's standing in a coalition.",
  valuesConfig: {
    FOUNDER: { description: "A founding member." },
    MEMBER: { description: "A member." },
    PARTNER: { description: "A partner, not a full member." },
    OBSERVER: { description: "An observer." },
  },
});
registerEnumType(OutcomeKind, {
  name: "OutcomeKind",
  description: "What kind of result a meeting produced.",
  valuesConfig: {
    STATEMENT: { description: "A joint or individual statement." },
    DECISION: { description: "A decision taken." },
    AGREEMENT: { description: "An agreement reached." },
    COMMITMENT: { description: "A commitment made by one or more parties." },
    FOLLOW_UP: { description: "A further meeting or step planned." },
  },
});
registerEnumType(OutcomeStatus, {
  name: "OutcomeStatus",
  description: "How far an outcome has got.",
  valuesConfig: {
    PROPOSED: { description: "Proposed, not yet agreed." },
    AGREED: { description: "Agreed." },
    IN_PROGRESS: { description: "Being carried out." },
    COMPLETED: { description: "Carried out." },
    ABANDONED: { description: "Dropped." },
  },
});
registerEnumType(SourceKind, {
  name: "SourceKind",
  description: "What kind of document a source is.",
  valuesConfig: {
    NEWS_ARTICLE: { description: "A news article." },
    SOCIAL_POST: { description: "A post on a social network." },
    OFFICIAL_STATEMENT: { description: "A statement published by a government or organisation." },
    COMMUNIQUE: { description: "A joint communiqué." },
    TRANSCRIPT: { description: "A transcript of remarks." },
    OTHER: { description: "Anything else." },
  },
});

export {
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
};
