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

/** How each loader is made, from the request's data source and the loaders it primes (`records`, …). */
const LOADER_FACTORIES: { [Name in keyof Loaders]: (dataSource: DataSource, loaders: Loaders) => Loaders[Name] } = {
  records: (dataSource) => new RecordLoaders(dataSource),
  citations: (dataSource, loaders) => createCitationLoaders(dataSource, loaders.records),
  participantsByMeeting: (dataSource, loaders) => createParticipantsByMeetingLoader(dataSource, loaders.records),
  topicsByMeeting: createTopicsByMeetingLoader,
  topicsByOutcome: createTopicsByOutcomeLoader,
  topicChildren: createTopicChildrenLoader,
  topicAncestors: createTopicAncestorsLoader,
  outcomesByMeeting: createOutcomesByMeetingLoader,
  precededBy: createPrecededByLoader,
  followUps: createFollowUpsLoader,
  membershipsByCoalition: (dataSource, loaders) => createMembershipsByCoalitionLoader(dataSource, loaders.records),
  membershipsByState: (dataSource, loaders) => createMembershipsByStateLoader(dataSource, loaders.records),
  positionsByOfficial: (dataSource, loaders) => createPositionsByOfficialLoader(dataSource, loaders.records),
  officialsByState: createOfficialsByStateLoader,
  statementsByOfficial: createStatementsByOfficialLoader,
  statementsByMeeting: createStatementsByMeetingLoader,
  partiesByOutcome: createPartiesByOutcomeLoader,
  meetingConnections: (dataSource) => new MeetingConnectionLoaders(dataSource),
  meetingParts: (dataSource, loaders) => new MeetingPartsLoaders(dataSource, loaders),
};

/** A request's loaders, each made on its first use: most requests use a few of them, many none. */
class RequestLoaders {
  readonly made: Partial<Loaders> = {};
  constructor(readonly dataSource: DataSource) {}
}
for (const name of Object.keys(LOADER_FACTORIES) as (keyof Loaders)[]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      const made = this.made as Record<keyof Loaders, unknown>;
      made[name] ??= LOADER_FACTORIES[name](this.dataSource, this as unknown as Loaders);
      return made[name];
    },
  });
}

export function createLoaders(dataSource: DataSource): Loaders {
  return new RequestLoaders(dataSource) as unknown as Loaders;
}
