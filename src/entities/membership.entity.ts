import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import "../schema/enums";
import { Node } from "../schema/node.interface";
import { DateScalar } from "../schema/scalars";
import { Coalition } from "./coalition.entity";
import { checkIn, MembershipRole } from "./enums";
import { RecordBase } from "./record-base";
import { State } from "./state.entity";

/** A state's membership of a coalition over [since, until]; a null bound is open-ended. */
@ObjectType("Membership", {
  description: "A state's membership of a coalition over a period; a null bound is open-ended.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("membership")
@Check("membership_role_valid", checkIn("role", MembershipRole))
@Check("membership_period_valid", `until IS NULL OR since IS NULL OR since <= until`)
export class Membership extends RecordBase {
  @Index("membership_coalition_idx")
  @Column({ name: "coalition_id", type: "int" })
  coalitionId: number;

  @ManyToOne(() => Coalition, { onDelete: "CASCADE" })
  @JoinColumn({ name: "coalition_id" })
  coalition?: Coalition;

  @Index("membership_state_idx")
  @Column({ name: "state_id", type: "int" })
  stateId: number;

  @ManyToOne(() => State, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "state_id" })
  state?: State;

  @Field(() => MembershipRole, { description: "The state's standing in the coalition." })
  @Column({ type: "varchar", length: 20, default: MembershipRole.MEMBER })
  role: MembershipRole;

  @Field(() => DateScalar, { nullable: true, description: "First day of membership; null when unknown (treated as open-ended)." })
  @Column({ type: "date", nullable: true })
  since: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day of membership; null while it lasts." })
  @Column({ type: "date", nullable: true })
  until: string | null;
}
