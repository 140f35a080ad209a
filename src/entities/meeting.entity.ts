import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import "../schema/enums";
import { Node } from "../schema/node.interface";
import { DateScalar } from "../schema/scalars";
import { Coalition } from "./coalition.entity";
import { checkIn, DatePrecision, MeetingFormat, MeetingLevel, MeetingStatus } from "./enums";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";
import { State } from "./state.entity";
import { Topic } from "./topic.entity";

/**
 * A meeting held or planned. `date` may be unknown (null) or known only to a month or year
 * (`datePrecision`; the date is then the first day of that month or year).
 */
@ObjectType("Meeting", { description: "A meeting held or planned.", implements: Node, simpleResolvers: true })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
@Entity("meeting")
@Index("meeting_order_idx", ["date", "slug"])
@Index("meeting_coalition_idx", ["coalitionId", "date", "slug"])
// DESC NULLS LAST indexes of the default order (migration FilterIndexes); TypeORM cannot express them.
@Index("meeting_date_desc_idx", { synchronize: false })
@Index("meeting_coalition_date_desc_idx", { synchronize: false })
// Index-only counts of a coalition's meetings (migration CountIndexes).
@Index("meeting_coalition_id_idx", { synchronize: false })
@Check("meeting_date_precision_valid", checkIn("date_precision", DatePrecision))
@Check("meeting_status_valid", checkIn("status", MeetingStatus))
@Check("meeting_format_valid", checkIn("format", MeetingFormat, true))
@Check("meeting_level_valid", checkIn("level", MeetingLevel, true))
export class Meeting extends RecordBase {
  @Field(() => String, { description: "The stable human key of the meeting." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @LocalizedField("The meeting's title in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  title: LocalizedText;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When the meeting took place or is planned; null when unknown. See `datePrecision`.",
  })
  @Column({ type: "date", nullable: true })
  date: string | null;

  @Field(() => DatePrecision, {
    description: "How precisely `date` is known (a MONTH or YEAR date is the first day of the period).",
  })
  @Column({ name: "date_precision", type: "varchar", length: 5, default: DatePrecision.DAY })
  datePrecision: DatePrecision;

  @Field(() => MeetingStatus, { description: "Whether the meeting took place." })
  @Index("meeting_status_idx")
  @Column({ type: "varchar", length: 20 })
  status: MeetingStatus;

  @Field(() => MeetingFormat, { nullable: true, description: "How the participants met, when known." })
  @Index("meeting_format_idx")
  @Column({ type: "varchar", length: 20, nullable: true })
  format: MeetingFormat | null;

  @Field(() => MeetingLevel, { nullable: true, description: "The seniority of the participants, when known." })
  @Index("meeting_level_idx")
  @Column({ type: "varchar", length: 20, nullable: true })
  level: MeetingLevel | null;

  @Column({ name: "location_city", type: "text", nullable: true })
  locationCity: string | null;

  @Index("meeting_location_country_idx")
  @Column({ name: "location_country_id", type: "int", nullable: true })
  locationCountryId: number | null;

  @ManyToOne(() => State, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "location_country_id" })
  locationCountry?: State | null;

  @Column({ name: "coalition_id", type: "int", nullable: true })
  coalitionId: number | null;

  @ManyToOne(() => Coalition, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "coalition_id" })
  coalition?: Coalition | null;

  @LocalizedField("What happened, in `lang` (with fallback).", { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  summary: LocalizedText | null;

  /** meeting_topic also holds a copy of the meeting's coalition, kept by triggers (migration MeetingTopicCoalition). */
  @ManyToMany(() => Topic)
  @JoinTable({
    name: "meeting_topic",
    joinColumn: { name: "meeting_id", foreignKeyConstraintName: "meeting_topic_meeting_fk" },
    inverseJoinColumn: { name: "topic_id", foreignKeyConstraintName: "meeting_topic_topic_fk" },
  })
  topics?: Topic[];

  /** Meetings this one follows up on; the inverse is `followUps`. */
  @ManyToMany(() => Meeting)
  @JoinTable({
    name: "meeting_sequence",
    joinColumn: { name: "meeting_id", foreignKeyConstraintName: "meeting_sequence_meeting_fk" },
    inverseJoinColumn: { name: "preceded_by_id", foreignKeyConstraintName: "meeting_sequence_preceded_by_fk" },
  })
  precededBy?: Meeting[];
}
