import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Node } from "../schema/node.interface";
import { DateScalar } from "../schema/scalars";
import { Meeting } from "./meeting.entity";
import { Official } from "./official.entity";
import { RecordBase } from "./record-base";
import { Source } from "./source.entity";

/**
 * Words an official said, as a source reports them. Statements have no human key of their own: the
 * same official saying the same text is the same statement (`statement_natural_key`, on md5 of text).
 */
@ObjectType("Statement", {
  description: "Words an official said, as a source reports them.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("statement")
@Index("statement_natural_key", { synchronize: false })
export class Statement extends RecordBase {
  @Index("statement_official_idx")
  @Column({ name: "official_id", type: "int" })
  officialId: number;

  @ManyToOne(() => Official, { onDelete: "CASCADE" })
  @JoinColumn({ name: "official_id" })
  official?: Official;

  @Index("statement_meeting_idx")
  @Column({ name: "meeting_id", type: "int", nullable: true })
  meetingId: number | null;

  @ManyToOne(() => Meeting, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "meeting_id" })
  meeting?: Meeting | null;

  @Field(() => String, { description: "What the official said, in the language reported." })
  @Column({ type: "text" })
  text: string;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the text's language." })
  @Column({ type: "varchar", length: 35, nullable: true })
  lang: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the statement was made, when known." })
  @Column({ name: "made_on", type: "date", nullable: true })
  madeOn: string | null;

  @Index("statement_source_idx")
  @Column({ name: "source_id", type: "int", nullable: true })
  sourceId: number | null;

  @ManyToOne(() => Source, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "source_id" })
  source?: Source | null;
}
