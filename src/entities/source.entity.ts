import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity } from "typeorm";
import { LocalizedField } from "../schema/localized-args";
import "../schema/enums";
import { Node } from "../schema/node.interface";
import { DateTimeScalar } from "../schema/scalars";
import { checkIn, SourceKind } from "./enums";
import type { LocalizedText } from "./localized-text";
import { RecordBase } from "./record-base";

/** Where facts come from: a news article, a social post, a communiqué... */
@ObjectType("Source", {
  description: "Where facts come from: a news article, a social post, a communiqué...",
  implements: Node,
  simpleResolvers: true,
})
@Directive('@key(fields: "id")')
@Entity("source")
@Check("source_kind_valid", checkIn("kind", SourceKind))
export class Source extends RecordBase {
  @Field(() => String, { description: "The stable human key of the source." })
  @Column({ type: "varchar", length: 200, unique: true })
  slug: string;

  @Field(() => SourceKind, { description: "What kind of document the source is." })
  @Column({ type: "varchar", length: 30 })
  kind: SourceKind;

  @LocalizedField("The source's title in `lang` (with fallback).")
  @Column({ type: "jsonb" })
  title: LocalizedText;

  @Field(() => String, { nullable: true, description: "Who published it, e.g. `RBC-Ukraine`." })
  @Column({ type: "text", nullable: true })
  publisher: string | null;

  @Field(() => String, { nullable: true, description: "Where the source can be read." })
  @Column({ type: "text", nullable: true })
  url: string | null;

  /** BCP 47 tag of the language the source is written in. */
  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the language the source is written in." })
  @Column({ type: "varchar", length: 35, nullable: true })
  language: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the source was published." })
  @Column({ name: "published_at", type: "timestamptz", nullable: true })
  publishedAt: Date | null;
}
