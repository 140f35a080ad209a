import { ApiKey } from "./api-key.entity";
import { Citation } from "./citation.entity";
import { Membership } from "./membership.entity";
import { Participant } from "./participant.entity";
import { Position } from "./position.entity";
import { RecordChange } from "./record-change.entity";
import { RECORD_ENTITIES } from "./record-entities";
import { SavedQuery } from "./saved-query.entity";
import { SavedQueryVersion } from "./saved-query-version.entity";

/** Every entity, for the DataSource: each record type's (RECORD_ENTITIES), their parts', and the rest. */
export const entities = [
  ApiKey,
  ...Object.values(RECORD_ENTITIES),
  Membership,
  Position,
  Participant,
  Citation,
  RecordChange,
  SavedQuery,
  SavedQueryVersion,
];
