import type { NonEmptyArray } from "type-graphql";
import { HealthResolver } from "./health.resolver";
import { CitationResolver } from "./citation.resolver";
import { CoalitionResolver } from "./coalition.resolver";
import { MeetingLocationResolver } from "./location.resolver";
import { MeetingResolver } from "./meeting.resolver";
import { MembershipResolver } from "./membership.resolver";
import { NodeResolver } from "./node.resolver";
import { OfficialResolver } from "./official.resolver";
import { OutcomeResolver } from "./outcome.resolver";
import { ParticipantResolver } from "./participant.resolver";
import { PositionResolver } from "./position.resolver";
import { SourceResolver } from "./source.resolver";
import { StateResolver } from "./state.resolver";
import { StatementResolver } from "./statement.resolver";
import { TopicResolver } from "./topic.resolver";

/** Every resolver class of the schema. */
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  CitationResolver,
  CoalitionResolver,
  MeetingLocationResolver,
  MeetingResolver,
  MembershipResolver,
  NodeResolver,
  OfficialResolver,
  OutcomeResolver,
  ParticipantResolver,
  PositionResolver,
  SourceResolver,
  StateResolver,
  StatementResolver,
  TopicResolver,
];
