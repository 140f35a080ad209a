import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import "../schema/enums";
import { Node } from "../schema/node.interface";
import { Attendance, checkIn, ParticipantRole } from "./enums";
import { Meeting } from "./meeting.entity";
import { Official } from "./official.entity";
import { RecordBase } from "./record-base";
import { State } from "./state.entity";

/** An official's part in a meeting, and the state they represented there. */
@ObjectType("Participant", {
  description: "An official's part in a meeting, and the state they represented there.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("participant")
@Unique("participant_natural_key", ["meetingId", "officialId"])
@Index("participant_official_idx", ["officialId", "meetingId"])
@Index("participant_state_idx", ["representingStateId", "meetingId"])
@Check("participant_role_valid", checkIn("role", ParticipantRole))
@Check("participant_attendance_valid", checkIn("attendance", Attendance, true))
export class Participant extends RecordBase {
  @Column({ name: "meeting_id", type: "int" })
  meetingId: number;

  @ManyToOne(() => Meeting, { onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id" })
  meeting?: Meeting;

  @Column({ name: "official_id", type: "int" })
  officialId: number;

  @ManyToOne(() => Official, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "official_id" })
  official?: Official;

  @Column({ name: "representing_state_id", type: "int", nullable: true })
  representingStateId: number | null;

  @ManyToOne(() => State, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "representing_state_id" })
  representing?: State | null;

  @Field(() => ParticipantRole, { description: "The part the official played." })
  @Column({ type: "varchar", length: 20, default: ParticipantRole.PARTICIPANT })
  role: ParticipantRole;

  @Field(() => Attendance, { nullable: true, description: "How the official attended, when known." })
  @Column({ type: "varchar", length: 20, nullable: true })
  attendance: Attendance | null;
}
