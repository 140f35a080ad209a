import type { ClassType } from "type-graphql";
import { Citation } from "../entities/citation.entity";
import { Membership } from "../entities/membership.entity";
import { Participant } from "../entities/participant.entity";
import { Position } from "../entities/position.entity";
import type { RecordBase } from "../entities/record-base";
import { RECORD_ENTITIES } from "../entities/record-entities";
import { SavedQuery } from "../entities/saved-query.entity";

/** Every GraphQL record type (a Node) by its type name, the name global ids carry: each record type, and the parts and saved queries. */
export const recordTypes: Record<string, ClassType<RecordBase>> = {
  ...RECORD_ENTITIES,
  Citation,
  Membership,
  Participant,
  Position,
  SavedQuery,
};
