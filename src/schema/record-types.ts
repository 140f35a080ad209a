import type { ClassType } from "type-graphql";
import { Citation } from "../entities/citation.entity";
import { Coalition } from "../entities/coalition.entity";
import { Meeting } from "../entities/meeting.entity";
import { Membership } from "../entities/membership.entity";
import { Official } from "../entities/official.entity";
import { Outcome } from "../entities/outcome.entity";
import { Participant } from "../entities/participant.entity";
import { Position } from "../entities/position.entity";
import type { RecordBase } from "../entities/record-base";
import { SavedQuery } from "../entities/saved-query.entity";
import { Source } from "../entities/source.entity";
import { State } from "../entities/state.entity";
import { Statement } from "../entities/statement.entity";
import { Topic } from "../entities/topic.entity";

/** Every GraphQL record type (a Node) by its type name, the name global ids carry. */
export const recordTypes: Record<string, ClassType<RecordBase>> = {
  Citation,
  Coalition,
  Meeting,
  Membership,
  Official,
  Outcome,
  Participant,
  Position,
  SavedQuery,
  Source,
  State,
  Statement,
  Topic,
};
