import { Field, InputType } from "type-graphql";
import { SourceKind } from "../entities/enums";
import "./enums";
import { LocalizedStringInput } from "./localized-string.input";
import { DateTimeScalar } from "./scalars";

@InputType("CreateSourceInput", { description: "A new source: a news article, social post, communiqué..." })
export class CreateSourceInput {
  @Field(() => String, { description: "The source's human key." })
  slug: string;

  @Field(() => SourceKind, { description: "What kind of source it is." })
  kind: SourceKind;

  @Field(() => [LocalizedStringInput], { description: "The source's title, one entry per language." })
  title: LocalizedStringInput[];

  @Field(() => String, { nullable: true, description: "Who published it, e.g. `RBC-Ukraine`." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Where it can be read." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the language it is written in." })
  language?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was published." })
  publishedAt?: Date | null;
}

@InputType("UpdateSourceInput", { description: "Changes to a source; fields left out keep their values, null clears." })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  slug?: string;

  @Field(() => SourceKind, { nullable: true, description: "What kind of source it is." })
  kind?: SourceKind;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The title (replaces every language held)." })
  title?: LocalizedStringInput[];

  @Field(() => String, { nullable: true, description: "Who published it." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Where it can be read." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of its language." })
  language?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was published." })
  publishedAt?: Date | null;
}
