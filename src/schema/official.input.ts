import { IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LocalizedTextRules, OmittableNotNull, SLUG_MAX, SLUG_MESSAGE, SLUG_PATTERN } from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";
import { PositionInput } from "./position.input";

@InputType("CreateOfficialInput", { description: "A new official, with the posts they held." })
export class CreateOfficialInput {
  @Field(() => String, { description: "The official's human key, e.g. `fabien-mandon`." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The official's name, one entry per language." })
  @LocalizedTextRules()
  name: LocalizedStringInput[];

  @Field(() => [PositionInput], { nullable: true, description: "The posts the official held." })
  @IsOptional()
  @ValidateNested({ each: true })
  positions?: PositionInput[] | null;
}

@InputType("UpdateOfficialInput", { description: "Changes to an official; fields left out keep their values." })
export class UpdateOfficialInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  @OmittableNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The name (replaces every language held)." })
  @OmittableNotNull()
  @LocalizedTextRules()
  name?: LocalizedStringInput[];

  @Field(() => [PositionInput], {
    nullable: true,
    description: "Replaces every position (and their citations); use addPosition/endPosition to change one.",
  })
  @IsOptional()
  @ValidateNested({ each: true })
  positions?: PositionInput[] | null;
}
