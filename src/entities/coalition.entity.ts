import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import { Node } from "../schema/node.interface";
import { DateScalar } from "../schema/scalars";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A group of states acting together, e.g. the Coalition of the Willing. Members change over time (Membership). */
@ObjectType("Coalition", {
  description: "A group of states acting together, e.g. the Coalition of the Willing.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
@Entity("coalition")
export class Coalition extends RecordBase {
  @Field(() => String, { description: "The stable human key, e.g. `coalition-of-the-willing`." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @LocalizedField("The coalition's name in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  name: LocalizedText;

  @LocalizedField("What the coalition is for, in `lang` (with fallback).", { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  description: LocalizedText | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the coalition was founded, when known." })
  @Column({ name: "founded_on", type: "date", nullable: true })
  foundedOn: string | null;
}
