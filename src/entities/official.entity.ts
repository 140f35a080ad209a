import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import { Node } from "../schema/node.interface";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A person who acts for a state or an organisation; the posts they hold are Positions. */
@ObjectType("Official", {
  description: "A person who acts for a state or an organisation.",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "slug")')
@Entity("official")
export class Official extends RecordBase {
  @Field(() => String, { description: "The stable human key, e.g. `fabien-mandon`." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @LocalizedField("The official's name in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  name: LocalizedText;
}
