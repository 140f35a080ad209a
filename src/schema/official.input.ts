import { Field, InputType } from "type-graphql";
import { LocalizedStringInput } from "./localized-string.input";
import { PositionInput } from "./position.input";

@InputType("CreateOfficialInput", { description: "A new official, with the posts they held." })
export class CreateOfficialInput {
  @Field(() => String, { description: "The official's human key, e.g. `fabien-mandon`." })
  slug: string;

  @Field(() => [LocalizedStringInput], { description: "The official's name, one entry per language." })
  name: LocalizedStringInput[];

  @Field(() => [PositionInput], { nullable: true, description: "The posts the official held." })
  positions?: PositionInput[] | null;
}

@InputType("UpdateOfficialInput", { description: "Changes to an official; fields left out keep their values." })
export class UpdateOfficialInput {
  @Field(() => String, { nullable: true, description: "A new human key." })
  slug?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The name (replaces every language held)." })
  name?: LocalizedStringInput[];

  @Field(() => [PositionInput], {
    nullable: true,
    description: "Replaces every position (and their citations); use addPosition/endPosition to change one.",
  })
  positions?: PositionInput[] | null;
}
