import { IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LocalizedTextRules, OmittableNotNull, SLUG_MAX, SLUG_MESSAGE, SLUG_PATTERN } from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";

@InputType("CreateTopicInput", { description: "A new topic of discussion, optionally under a parent topic." })
export class CreateTopicInput {
  @Field(() => String, { description: "The topic's human key." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The topic's name, one entry per language." })
  @LocalizedTextRules()
  name: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "A longer description, one entry per language." })
  @IsOptional()
  @ValidateNested({ each: true })
  description?: LocalizedStringInput[] | null;

  @Field(() => String, { nullable: true, description: "The slug of the parent topic (it must exist)." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  parent?: string | null;
}

@InputType("UpdateTopicInput", { description: "Changes to a topic; fields left out keep their values, null clears." })
export class UpdateTopicInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  @OmittableNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The name (replaces every language held)." })
  @OmittableNotNull()
  @LocalizedTextRules()
  name?: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The description (replaces it; null clears)." })
  @IsOptional()
  @ValidateNested({ each: true })
  description?: LocalizedStringInput[] | null;

  @Field(() => String, { nullable: true, description: "The parent topic's slug; null makes it a root topic." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  parent?: string | null;
}
