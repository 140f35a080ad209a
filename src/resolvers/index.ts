import type { NonEmptyArray } from "type-graphql";
import { CitationMutationResolver } from "./citation.mutation";
import { CitationResolver } from "./citation.resolver";
import { CoalitionMutationResolver } from "./coalition.mutation";
import { CoalitionResolver } from "./coalition.resolver";
import { CoalitionMembersMutationResolver } from "./coalition-members.mutation";
import { HealthResolver } from "./health.resolver";
import { historyResolvers, RecordChangeResolver } from "./history.resolver";
import { ImportRecordsMutationResolver } from "./import-records.mutation";
import { LiveSubscriptionResolver } from "./live.subscription";
import { MeetingLocationResolver } from "./location.resolver";
import { MeetingMutationResolver } from "./meeting.mutation";
import { MeetingResolver } from "./meeting.resolver";
import { MeetingCountsResolver } from "./meeting-counts.resolver";
import { MeetingPartsMutationResolver } from "./meeting-parts.mutation";
import { MembershipResolver } from "./membership.resolver";
import { NodeResolver } from "./node.resolver";
import { OfficialMutationResolver } from "./official.mutation";
import { OfficialResolver } from "./official.resolver";
import { OfficialPositionsMutationResolver } from "./official-positions.mutation";
import { OutcomeMutationResolver } from "./outcome.mutation";
import { OutcomeResolver } from "./outcome.resolver";
import { ParticipantResolver } from "./participant.resolver";
import { PositionResolver } from "./position.resolver";
import { SavedQueryResolver, SavedQueryVersionResolver } from "./saved-query.resolver";
import { SearchResolver } from "./search.resolver";
import { SourceMutationResolver } from "./source.mutation";
import { SourceResolver } from "./source.resolver";
import { StateMutationResolver } from "./state.mutation";
import { StateResolver } from "./state.resolver";
import { StatementMutationResolver } from "./statement.mutation";
import { StatementResolver } from "./statement.resolver";
import { TopicMutationResolver } from "./topic.mutation";
import { TopicResolver } from "./topic.resolver";

/** Every resolver class of the schema. */
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  LiveSubscriptionResolver,
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
  ...historyResolvers,
];
