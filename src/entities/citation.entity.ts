import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Node } from "../schema/node.interface";
import { Meeting } from "./meeting.entity";
import { Membership } from "./membership.entity";
import { Outcome } from "./outcome.entity";
import { Position } from "./position.entity";
import { RecordBase } from "./record-base";
import { Source } from "./source.entity";
import { Statement } from "./statement.entity";

/**
 * A source cited for one fact: exactly one of membership, position, meeting, outcome or statement
 * (a CHECK enforces it), so every citation has a real foreign key and goes when its fact goes.
 */
@ObjectType("Citation", {
  description: "A source cited for a fact, with the passage quoted.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("citation")
@Index("citation_meeting_idx", ["meetingId", "sourceId"])
@Check("citation_one_subject", `num_nonnulls(membership_id, position_id, meeting_id, outcome_id, statement_id) = 1`)
export class Citation extends RecordBase {
  @Index("citation_source_idx")
  @Column({ name: "source_id", type: "int" })
  sourceId: number;

  @ManyToOne(() => Source, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "source_id" })
  source?: Source;

  @Field(() => String, { nullable: true, description: "The passage of the source that supports the fact." })
  @Column({ type: "text", nullable: true })
  quote: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the quote's language." })
  @Column({ name: "quote_lang", type: "varchar", length: 35, nullable: true })
  quoteLang: string | null;

  @Index("citation_membership_idx")
  @Column({ name: "membership_id", type: "int", nullable: true })
  membershipId: number | null;

  @ManyToOne(() => Membership, { nullable: true, onDelete: "CASCADE" })
  @JoinColumn({ name: "membership_id" })
  membership?: Membership | null;

  @Index("citation_position_idx")
  @Column({ name: "position_id", type: "int", nullable: true })
  positionId: number | null;

  @ManyToOne(() => Position, { nullable: true, onDelete: "CASCADE" })
  @JoinColumn({ name: "position_id" })
  position?: Position | null;

  @Column({ name: "meeting_id", type: "int", nullable: true })
  meetingId: number | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id" })
  meeting?: Meeting | null;

  @Index("citation_outcome_idx")
  @Column({ name: "outcome_id", type: "int", nullable: true })
  outcomeId: number | null;

  @ManyToOne(() => Outcome, { nullable: true, onDelete: "CASCADE" })
  @JoinColumn({ name: "outcome_id" })
  outcome?: Outcome | null;

  @Index("citation_statement_idx")
  @Column({ name: "statement_id", type: "int", nullable: true })
  statementId: number | null;

  @ManyToOne(() => Statement, { nullable: true, onDelete: "CASCADE" })
  @JoinColumn({ name: "statement_id" })
  statement?: Statement | null;
}
