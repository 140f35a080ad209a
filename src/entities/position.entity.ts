import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import { Node } from "../schema/node.interface";
import { DateScalar } from "../schema/scalars";
import type { LocalizedText } from "./localized-text";
import { Official } from "./official.entity";
import { RecordBase } from "./record-base";
import { State } from "./state.entity";

/** A post an official held over [since, until] (null bounds are open-ended), for a state or organisation. */
@ObjectType("Position", {
  description: "A post an official held over a period, for a state or organisation.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("position")
@Check("position_period_valid", `until IS NULL OR since IS NULL OR since <= until`)
export class Position extends RecordBase {
  @Index("position_official_idx")
  @Column({ name: "official_id", type: "int" })
  officialId: number;

  @ManyToOne(() => Official, { onDelete: "CASCADE" })
  @JoinColumn({ name: "official_id" })
  official?: Official;

  @LocalizedField("The post's title in `lang` (with fallback), e.g. `Chief of the Defence Staff`.")
  @Column({ type: "jsonb" })
  title: LocalizedText;

  @LocalizedField("The organisation the post belongs to, in `lang` (with fallback).", { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  organization: LocalizedText | null;

  @Index("position_state_idx")
  @Column({ name: "state_id", type: "int", nullable: true })
  stateId: number | null;

  @ManyToOne(() => State, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "state_id" })
  state?: State | null;

  @Field(() => DateScalar, { nullable: true, description: "First day in the post; null when unknown (treated as open-ended)." })
  @Column({ type: "date", nullable: true })
  since: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day in the post; null while it is held." })
  @Column({ type: "date", nullable: true })
  until: string | null;
}
