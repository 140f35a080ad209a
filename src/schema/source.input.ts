import { IsOptional, IsUrl, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { SourceKind } from "../entities/enums";
import "./enums";
import {
  LANG_MESSAGE,
  LANG_PATTERN,
  LocalizedTextRules,
  OmittableNotNull,
  SLUG_MAX,
  SLUG_MESSAGE,
  SLUG_PATTERN,
} from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";
import { DateTimeScalar } from "./scalars";

const URL_RULE = { protocols: ["http", "https"], require_protocol: true };
const URL_MESSAGE = "must be an http(s) URL";

@InputType("CreateSourceInput", { description: "A new source: a news article, social post, communiqué..." })
export class CreateSourceInput {
  @Field(() => String, { description: "The source's human key." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug: string;

  @Field(() => SourceKind, { description: "What kind of source it is." })
  kind: SourceKind;

  @Field(() => [LocalizedStringInput], { description: "The source's title, one entry per language." })
  @LocalizedTextRules()
  title: LocalizedStringInput[];

  @Field(() => String, { nullable: true, description: "Who published it, e.g. `RBC-Ukraine`." })
  @IsOptional()
  @MaxLength(500)
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Where it can be read." })
  @IsOptional()
  @IsUrl(URL_RULE, { message: URL_MESSAGE })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the language it is written in." })
  @IsOptional()
  @Matches(LANG_PATTERN, { message: LANG_MESSAGE })
  language?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was published." })
  publishedAt?: Date | null;
}

@InputType("UpdateSourceInput", { description: "Changes to a source; fields left out keep their values, null clears." })
export class UpdateSourceInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  @OmittableNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug?: string;

  @Field(() => SourceKind, { nullable: true, description: "What kind of source it is." })
  @OmittableNotNull()
  kind?: SourceKind;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The title (replaces every language held)." })
  @OmittableNotNull()
  @LocalizedTextRules()
  title?: LocalizedStringInput[];

  @Field(() => String, { nullable: true, description: "Who published it." })
  @IsOptional()
  @MaxLength(500)
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Where it can be read." })
  @IsOptional()
  @IsUrl(URL_RULE, { message: URL_MESSAGE })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of its language." })
  @IsOptional()
  @Matches(LANG_PATTERN, { message: LANG_MESSAGE })
  language?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was published." })
  publishedAt?: Date | null;
}
