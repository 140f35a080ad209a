import { ApiKey } from "./api-key.entity";
import { Citation } from "./citation.entity";
import { Coalition } from "./coalition.entity";
import { Meeting } from "./meeting.entity";
import { Membership } from "./membership.entity";
import { Official } from "./official.entity";
import { Outcome } from "./outcome.entity";
import { Participant } from "./participant.entity";
import { Position } from "./position.entity";
import { RecordChange } from "./record-change.entity";
import { SavedQuery } from "./saved-query.entity";
import { SavedQueryVersion } from "./saved-query-version.entity";
import { Source } from "./source.entity";
import { State } from "./state.entity";
import { Statement } from "./statement.entity";
import { Topic } from "./topic.entity";

export {
  ApiKey,
  Citation,
  Coalition,
  Meeting,
  Membership,
  Official,
  Outcome,
  Participant,
  Position,
  RecordChange,
  SavedQuery,
  SavedQueryVersion,
  Source,
  State,
  Statement,
  Topic,
};

/** Every entity, for the DataSource. */
export const entities = [
  ApiKey,
  State,
  Source,
  Topic,
  Coalition,
  Membership,
  Official,
  Position,
  Meeting,
  Participant,
  Outcome,
  Statement,
  Citation,
  RecordChange,
  SavedQuery,
  SavedQueryVersion,
];
