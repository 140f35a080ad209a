import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateTimeScalar } from "../schema/scalars";
import { checkIn } from "./enums";

/** What a change did to a record. */
export enum ChangeAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  DELETE = "DELETE",
}

registerEnumType(ChangeAction, {
  name: "ChangeAction",
  description: "What a change did to a record.",
  valuesConfig: {
    CREATE: { description: "The record was created (`before` is null)." },
    UPDATE: { description: "The record, or one of its parts (participants, memberships, citations...), was changed." },
    DELETE: { description: "The record was deleted (`after` is null)." },
  },
});

/**
 * One entry of the append-only change history: who changed which record, when, and its values before
 * and after (snapshots in the record-bundle format, so an old `before` can be imported to revert).
 * Rows are only ever inserted: a trigger (migration ChangeHistory) refuses UPDATE and DELETE.
 * There is no foreign key to the record nor to the API key, so the history outlives deleted records and keys.
 */
@ObjectType("RecordChange", {
  description: "One entry of the append-only change history: who changed which record, when, and its values before and after.",
  simpleResolvers: true,
})
@Entity("record_change")
@Index("record_change_record_idx", ["recordType", "recordId", "id"])
@Index("record_change_key_idx", ["recordType", "recordKey"])
@Index("record_change_actor_idx", ["actor", "id"])
@Check("record_change_action_valid", checkIn("action", ChangeAction))
export class RecordChange {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "BY DEFAULT" })
  id: number;

  @Field(() => DateTimeScalar, { description: "When the change was committed." })
  @Index("record_change_occurred_at_idx")
  @CreateDateColumn({ name: "occurred_at", type: "timestamptz" })
  occurredAt: Date;

  /** The API key's label, or "anonymous" / "cli" / "seed" for writes made without a key. */
  @Column({ type: "text" })
  actor: string;

  @Column({ name: "api_key_id", type: "int", nullable: true })
  apiKeyId: number | null;

  /** The GraphQL type name of the record (`Meeting`, `State`...). */
  @Field(() => String, { description: "The changed record's type, e.g. `Meeting`." })
  @Column({ name: "record_type", type: "varchar", length: 40 })
  recordType: string;

  @Column({ name: "record_id", type: "int" })
  recordId: number;

  /** The record's human key (code or slug; a Statement's global id) at the time of the change. */
  @Field(() => String, {
    nullable: true,
    description: "The record's human key (code or slug; a Statement's global id) when it changed.",
  })
  @Column({ name: "record_key", type: "text", nullable: true })
  recordKey: string | null;

  @Field(() => ChangeAction, { description: "Whether the record was created, updated or deleted." })
  @Column({ type: "varchar", length: 10 })
  action: ChangeAction;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The record before the change, in the record-bundle format (null for CREATE); importing it reverts the change.",
  })
  @Column({ type: "jsonb", nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The record after the change, in the record-bundle format (null for DELETE).",
  })
  @Column({ type: "jsonb", nullable: true })
  after: Record<string, unknown> | null;

  /** The record's version after the change (for a DELETE, the version that was deleted). */
  @Field(() => Int, { description: "The record's version after the change (for a DELETE, the version deleted)." })
  @Column({ type: "int" })
  version: number;
}
