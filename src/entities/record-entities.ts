import type { EntityTarget } from "typeorm";
import type { RecordTypeName } from "../records";
import { Coalition } from "./coalition.entity";
import { Meeting } from "./meeting.entity";
import { Official } from "./official.entity";
import { Outcome } from "./outcome.entity";
import type { RecordBase } from "./record-base";
import { Source } from "./source.entity";
import { State } from "./state.entity";
import { Statement } from "./statement.entity";
import { Topic } from "./topic.entity";

/** The entity class of each record type, for answering a mutation with the record it wrote. */
export const RECORD_ENTITIES = {
  Source,
  State,
  Topic,
  Coalition,
  Official,
  Meeting,
  Outcome,
  Statement,
} satisfies Record<RecordTypeName, EntityTarget<RecordBase>>;

export type RecordOf<T extends RecordTypeName> = InstanceType<(typeof RECORD_ENTITIES)[T]>;
