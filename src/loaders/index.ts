import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { Meeting } from "../entities/meeting.entity";
import type { Membership } from "../entities/membership.entity";
import type { Official } from "../entities/official.entity";
import type { Outcome } from "../entities/outcome.entity";
import type { Participant } from "../entities/participant.entity";
import type { Position } from "../entities/position.entity";
import type { State } from "../entities/state.entity";
import type { Statement } from "../entities/statement.entity";
import type { Topic } from "../entities/topic.entity";
import { type CitationLoaders, createCitationLoaders } from "./citation.loader";
import type { LoaderFamily } from "./loader-family";
import { MeetingConnectionLoaders } from "./meeting-connection.loader";
import { MeetingPartsLoaders } from "./meeting-parts.loader";
import { createFollowUpsLoader, createPrecededByLoader } from "./meeting-sequence.loader";
import { type AsOf, createMembershipsByCoalitionLoader, createMembershipsByStateLoader } from "./membership.loader";
import { createOutcomesByMeetingLoader } from "./outcome.loader";
import { createParticipantsByMeetingLoader } from "./participant.loader";
import { createOfficialsByStateLoader, createPositionsByOfficialLoader } from "./position.loader";
import { RecordLoaders } from "./record.loader";
import { createPartiesByOutcomeLoader } from "./state.loader";
import { createStatementsByMeetingLoader, createStatementsByOfficialLoader } from "./statement.loader";
import {
  createTopicAncestorsLoader,
  createTopicChildrenLoader,
  createTopicsByMeetingLoader,
  createTopicsByOutcomeLoader,
} from "./topic.loader";

/** Every per-request DataLoader, by name. Each runs one SQL statement per batch. */
export interface Loaders {
  records: RecordLoaders;
  citations: CitationLoaders;
  participantsByMeeting: DataLoader<number, Participant[]>;
  topicsByMeeting: DataLoader<number, Topic[]>;
  topicsByOutcome: DataLoader<number, Topic[]>;
  topicChildren: DataLoader<number, Topic[]>;
  topicAncestors: DataLoader<number, Topic[]>;
  outcomesByMeeting: DataLoader<number, Outcome[]>;
  precededBy: DataLoader<number, Meeting[]>;
  followUps: DataLoader<number, Meeting[]>;
  membershipsByCoalition: LoaderFamily<AsOf, number, Membership[]>;
  membershipsByState: LoaderFamily<AsOf, number, Membership[]>;
  positionsByOfficial: LoaderFamily<AsOf, number, Position[]>;
  officialsByState: LoaderFamily<AsOf, number, Official[]>;
  statementsByOfficial: DataLoader<number, Statement[]>;
  statementsByMeeting: DataLoader<number, Statement[]>;
  partiesByOutcome: DataLoader<number, State[]>;
  meetingConnections: MeetingConnectionLoaders;
  /** Look-ahead for meeting pages: fetches the selected parts of a page's meetings in one statement, priming the loaders above. */
  meetingParts: MeetingPartsLoaders;
}

export function createLoaders(dataSource: DataSource): Loaders {
  const records = new RecordLoaders(dataSource);
  const citations = createCitationLoaders(dataSource, records);
  const participantsByMeeting = createParticipantsByMeetingLoader(dataSource, records);
  const topicsByMeeting = createTopicsByMeetingLoader(dataSource);
  const outcomesByMeeting = createOutcomesByMeetingLoader(dataSource);
  return {
    records,
    citations,
    participantsByMeeting,
    topicsByMeeting,
    topicsByOutcome: createTopicsByOutcomeLoader(dataSource),
    topicChildren: createTopicChildrenLoader(dataSource),
    topicAncestors: createTopicAncestorsLoader(dataSource),
    outcomesByMeeting,
    precededBy: createPrecededByLoader(dataSource),
    followUps: createFollowUpsLoader(dataSource),
    membershipsByCoalition: createMembershipsByCoalitionLoader(dataSource, records),
    membershipsByState: createMembershipsByStateLoader(dataSource, records),
    positionsByOfficial: createPositionsByOfficialLoader(dataSource, records),
    officialsByState: createOfficialsByStateLoader(dataSource),
    statementsByOfficial: createStatementsByOfficialLoader(dataSource),
    statementsByMeeting: createStatementsByMeetingLoader(dataSource),
    partiesByOutcome: createPartiesByOutcomeLoader(dataSource),
    meetingConnections: new MeetingConnectionLoaders(dataSource),
    meetingParts: new MeetingPartsLoaders(dataSource, {
      records,
      citations,
      participantsByMeeting,
      topicsByMeeting,
      outcomesByMeeting,
    }),
  };
}
