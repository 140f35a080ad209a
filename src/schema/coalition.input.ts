import { Field, InputType } from "type-graphql";
import { LocalizedStringInput } from "./localized-string.input";
import { MembershipInput } from "./membership.input";
import { DateScalar } from "./scalars";

@InputType("CreateCoalitionInput", { description: "A new coalition of states, with its members." })
export class CreateCoalitionInput {
  @Field(() => String, { description: "The coalition's human key, e.g. `coalition-of-the-willing`." })
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The coalition's name, one entry per language." })
  name: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "A description, one entry per language." })
  description?: LocalizedStringInput[] | null;

  @Field(() => DateScalar, { nullable: true, description: "When the coalition was founded." })
  foundedOn?: string | null;

  @Field(() => [MembershipInput], { nullable: true, description: "The member states over time." })
  members?: MembershipInput[] | null;
}

@InputType("UpdateCoalitionInput", { description: "Changes to a coalition; fields left out keep their values, null clears." })
export class UpdateCoalitionInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  slug?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The name (replaces every language held)." })
  name?: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The description (replaces it; null clears)." })
  description?: LocalizedStringInput[] | null;

  @Field(() => DateScalar, { nullable: true, description: "When the coalition was founded." })
  foundedOn?: string | null;

  @Field(() => [MembershipInput], {
    nullable: true,
    description: "Replaces every membership (and their citations); use addMembership/endMembership to change one.",
  })
  members?: MembershipInput[] | null;
}
