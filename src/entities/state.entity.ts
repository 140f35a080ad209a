import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import { Node } from "../schema/node.interface";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** A sovereign state, keyed by its ISO 3166-1 alpha-2 code. */
@ObjectType("State", { description: "A sovereign state.", implements: Node, simpleResolvers: true })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@Entity("state")
@Check("state_code_format", `code ~ '^[A-Z]{2}$'`)
export class State extends RecordBase {
  @Field(() => String, { description: "The ISO 3166-1 alpha-2 code, e.g. `FR`." })
  @Column({ type: "varchar", length: 2, unique: true })
  code: string;

  @LocalizedField("The state's name in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  name: LocalizedText;
}
