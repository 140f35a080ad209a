import type { NonEmptyArray } from "type-graphql";
import { HealthResolver } from "./health.resolver";
import { CitationResolver } from "./citation.resolver";
import { CoalitionResolver } from "./coalition.resolver";
import { MeetingLocationResolver } from "./location.resolver";
import { MeetingResolver } from "./meeting.resolver";
import { MeetingCountsResolver } from "./meeting-counts.resolver";
import { SearchResolver } from "./search.resolver";
import { MembershipResolver } from "./membership.resolver";
import { NodeResolver } from "./node.resolver";
import { OfficialResolver } from "./official.resolver";
import { OutcomeResolver } from "./outcome.resolver";
import { ParticipantResolver } from "./participant.resolver";
import { PositionResolver } from "./position.resolver";
import { SavedQueryResolver, SavedQueryVersionResolver } from "./saved-query.resolver";
import { SourceResolver } from "./source.resolver";
import { StateResolver } from "./state.resolver";
import { StatementResolver } from "./statement.resolver";
import { TopicResolver } from "./topic.resolver";
import { CitationMutationResolver } from "./citation.mutation";
import { CoalitionMutationResolver } from "./coalition.mutation";
import { CoalitionMembersMutationResolver } from "./coalition-members.mutation";
import {
  CoalitionHistoryResolver,
  MeetingHistoryResolver,
  OfficialHistoryResolver,
  OutcomeHistoryResolver,
  RecordChangeResolver,
  SourceHistoryResolver,
  StateHistoryResolver,
  StatementHistoryResolver,
  TopicHistoryResolver,
} from "./history.resolver";
import { ImportRecordsMutationResolver } from "./import-records.mutation";
import { MeetingMutationResolver } from "./meeting.mutation";
import { MeetingPartsMutationResolver } from "./meeting-parts.mutation";
import { OfficialMutationResolver } from "./official.mutation";
import { OfficialPositionsMutationResolver } from "./official-positions.mutation";
import { OutcomeMutationResolver } from "./outcome.mutation";
import { SourceMutationResolver } from "./source.mutation";
import { StateMutationResolver } from "./state.mutation";
import { StatementMutationResolver } from "./statement.mutation";
import { TopicMutationResolver } from "./topic.mutation";

/** Every resolver class of the schema. */
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  CitationResolver,
  CoalitionResolver,
  MeetingLocationResolver,
  MeetingResolver,
  MeetingCountsResolver,
  SearchResolver,
  MembershipResolver,
  NodeResolver,
  OfficialResolver,
  OutcomeResolver,
  ParticipantResolver,
  PositionResolver,
  SavedQueryResolver,
  SavedQueryVersionResolver,
  SourceResolver,
  StateResolver,
  StatementResolver,
  TopicResolver,
  // Writes and change history (WRITE)
  StateMutationResolver,
  SourceMutationResolver,
  TopicMutationResolver,
  CoalitionMutationResolver,
  CoalitionMembersMutationResolver,
  OfficialMutationResolver,
  OfficialPositionsMutationResolver,
  MeetingMutationResolver,
  MeetingPartsMutationResolver,
  OutcomeMutationResolver,
  StatementMutationResolver,
  CitationMutationResolver,
  ImportRecordsMutationResolver,
  RecordChangeResolver,
  StateHistoryResolver,
  SourceHistoryResolver,
  TopicHistoryResolver,
  CoalitionHistoryResolver,
  OfficialHistoryResolver,
  MeetingHistoryResolver,
  OutcomeHistoryResolver,
  StatementHistoryResolver,
];
