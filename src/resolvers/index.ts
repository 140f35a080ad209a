import type { NonEmptyArray } from "type-graphql";
import type { RecordTypeName } from "../records";
import { CitationMutationResolver } from "./citation.mutation";
import { CitationResolver } from "./citation.resolver";
import { CoalitionMutationResolver, CoalitionResolver } from "./coalition.resolver";
import { CoalitionMembersMutationResolver } from "./coalition-members.mutation";
import { HealthResolver } from "./health.resolver";
import { historyResolvers, RecordChangeResolver } from "./history.resolver";
import { ImportRecordsMutationResolver } from "./import-records.mutation";
import { LiveSubscriptionResolver } from "./live.subscription";
import { MeetingLocationResolver } from "./location.resolver";
import { MeetingMutationResolver, MeetingResolver } from "./meeting.resolver";
import { MeetingCountsResolver } from "./meeting-counts.resolver";
import { MeetingPartsMutationResolver } from "./meeting-parts.mutation";
import { MembershipResolver } from "./membership.resolver";
import { NodeResolver } from "./node.resolver";
import { OfficialMutationResolver, OfficialResolver } from "./official.resolver";
import { OfficialPositionsMutationResolver } from "./official-positions.mutation";
import { OutcomeMutationResolver, OutcomeResolver } from "./outcome.resolver";
import { ParticipantResolver } from "./participant.resolver";
import { PositionResolver } from "./position.resolver";
import { SavedQueryResolver, SavedQueryVersionResolver } from "./saved-query.resolver";
import { SearchResolver } from "./search.resolver";
import { SourceMutationResolver, SourceResolver } from "./source.resolver";
import { StateMutationResolver, StateResolver } from "./state.resolver";
import { StatementMutationResolver, StatementResolver } from "./statement.resolver";
import { TopicMutationResolver, TopicResolver } from "./topic.resolver";

/** Each record type's reads and its create, update and delete mutations (a type left out does not build). */
const RECORD_RESOLVERS = {
  Source: [SourceResolver, SourceMutationResolver],
  State: [StateResolver, StateMutationResolver],
  Topic: [TopicResolver, TopicMutationResolver],
  Coalition: [CoalitionResolver, CoalitionMutationResolver],
  Official: [OfficialResolver, OfficialMutationResolver],
  Meeting: [MeetingResolver, MeetingMutationResolver],
  Outcome: [OutcomeResolver, OutcomeMutationResolver],
  Statement: [StatementResolver, StatementMutationResolver],
} satisfies Record<RecordTypeName, Function[]>;

/** Every resolver class of the schema. */
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  ...Object.values(RECORD_RESOLVERS).flat(),
  LiveSubscriptionResolver,
  CitationResolver,
  MeetingLocationResolver,
  MeetingCountsResolver,
  SearchResolver,
  MembershipResolver,
  NodeResolver,
  ParticipantResolver,
  PositionResolver,
  SavedQueryResolver,
  SavedQueryVersionResolver,
  // Writes and change history (WRITE)
  CoalitionMembersMutationResolver,
  OfficialPositionsMutationResolver,
  MeetingPartsMutationResolver,
  CitationMutationResolver,
  ImportRecordsMutationResolver,
  RecordChangeResolver,
  ...historyResolvers,
];
