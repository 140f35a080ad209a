import { IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LocalizedTextRules, OmittableNotNull, SLUG_MAX, SLUG_MESSAGE, SLUG_PATTERN } from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";
import { MembershipInput } from "./membership.input";
import { DateScalar } from "./scalars";

@InputType("CreateCoalitionInput", { description: "A new coalition of states, with its members." })
export class CreateCoalitionInput {
  @Field(() => String, { description: "The coalition's human key, e.g. `coalition-of-the-willing`." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The coalition's name, one entry per language." })
  @LocalizedTextRules()
  name: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "A description, one entry per language." })
  @IsOptional()
  @ValidateNested({ each: true })
  description?: LocalizedStringInput[] | null;

  @Field(() => DateScalar, { nullable: true, description: "When the coalition was founded." })
  foundedOn?: string | null;

  @Field(() => [MembershipInput], { nullable: true, description: "The member states over time." })
  @IsOptional()
  @ValidateNested({ each: true })
  members?: MembershipInput[] | null;
}

@InputType("UpdateCoalitionInput", { description: "Changes to a coalition; fields left out keep their values, null clears." })
export class UpdateCoalitionInput {
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

  @Field(() => DateScalar, { nullable: true, description: "When the coalition was founded." })
  foundedOn?: string | null;

  @Field(() => [MembershipInput], {
    nullable: true,
    description: "Replaces every membership (and their citations); use addMembership/endMembership to change one.",
  })
  @IsOptional()
  @ValidateNested({ each: true })
  members?: MembershipInput[] | null;
}
