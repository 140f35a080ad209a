import { resolveCitationReference } from "./citation.reference";
import { resolveCoalitionReference } from "./coalition.reference";
import { resolveMeetingReference } from "./meeting.reference";
import { resolveMembershipReference } from "./membership.reference";
import { resolveOfficialReference } from "./official.reference";
import { resolveOutcomeReference } from "./outcome.reference";
import { resolveParticipantReference } from "./participant.reference";
import { resolvePositionReference } from "./position.reference";
import type { ReferenceResolver } from "./record-reference";
import { resolveSavedQueryReference } from "./saved-query.reference";
import { resolveSourceReference } from "./source.reference";
import { resolveStateReference } from "./state.reference";
import { resolveStatementReference } from "./statement.reference";
import { resolveTopicReference } from "./topic.reference";

/** `__resolveReference` of every federation entity type (every type with `@key`), by GraphQL type name. */
export const referenceResolvers: Record<string, ReferenceResolver<unknown>> = {
  Citation: resolveCitationReference,
  Coalition: resolveCoalitionReference,
  Meeting: resolveMeetingReference,
  Membership: resolveMembershipReference,
  Official: resolveOfficialReference,
  Outcome: resolveOutcomeReference,
  Participant: resolveParticipantReference,
  Position: resolvePositionReference,
  SavedQuery: resolveSavedQueryReference,
  Source: resolveSourceReference,
  State: resolveStateReference,
  Statement: resolveStatementReference,
  Topic: resolveTopicReference,
};
