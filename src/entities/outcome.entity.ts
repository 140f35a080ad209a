import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import "../schema/enums";
import { Node } from "../schema/node.interface";
import { checkIn, OutcomeKind, OutcomeStatus } from "./enums";
import type { LocalizedText } from "./localized-text";
import { Meeting } from "./meeting.entity";
import { RecordBase } from "./record-base";
import { State } from "./state.entity";
import { Topic } from "./topic.entity";

/** What came of a meeting: a statement, decision, agreement, commitment or planned follow-up. */
@ObjectType("Outcome", {
  description: "What came of a meeting: a statement, decision, agreement, commitment or planned follow-up.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("outcome")
@Check("outcome_kind_valid", checkIn("kind", OutcomeKind))
@Check("outcome_status_valid", checkIn("status", OutcomeStatus))
export class Outcome extends RecordBase {
  @Field(() => String, { description: "The stable human key, unique in the whole database." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Index("outcome_meeting_idx")
  @Column({ name: "meeting_id", type: "int" })
  meetingId: number;

  @ManyToOne(() => Meeting, { onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id" })
  meeting?: Meeting;

  @Field(() => OutcomeKind, { description: "What kind of result this is." })
  @Column({ type: "varchar", length: 20 })
  kind: OutcomeKind;

  @Field(() => OutcomeStatus, { description: "How far the outcome has progressed." })
  @Column({ type: "varchar", length: 20 })
  status: OutcomeStatus;

  @LocalizedField("What was stated, decided or agreed, in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  summary: LocalizedText;

  @Index("outcome_follow_up_meeting_idx")
  @Column({ name: "follow_up_meeting_id", type: "int", nullable: true })
  followUpMeetingId: number | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "follow_up_meeting_id" })
  followUpMeeting?: Meeting | null;

  @ManyToMany(() => Topic)
  @JoinTable({
    name: "outcome_topic",
    joinColumn: { name: "outcome_id", foreignKeyConstraintName: "outcome_topic_outcome_fk" },
    inverseJoinColumn: { name: "topic_id", foreignKeyConstraintName: "outcome_topic_topic_fk" },
  })
  topics?: Topic[];

  @ManyToMany(() => State)
  @JoinTable({
    name: "outcome_party",
    joinColumn: { name: "outcome_id", foreignKeyConstraintName: "outcome_party_outcome_fk" },
    inverseJoinColumn: { name: "state_id", foreignKeyConstraintName: "outcome_party_state_fk" },
  })
  parties?: State[];
}
