import { Field, InputType } from "type-graphql";
import { LocalizedStringInput } from "./localized-string.input";

@InputType("CreateStateInput", { description: "A new sovereign state." })
export class CreateStateInput {
  @Field(() => String, { description: "The ISO 3166-1 alpha-2 code, e.g. `FR`; the state's human key." })
  code: string;

  @Field(() => [LocalizedStringInput], { description: "The state's name, one entry per language." })
  name: LocalizedStringInput[];
}

@InputType("UpdateStateInput", { description: "Changes to a state; fields left out keep their values." })
export class UpdateStateInput {
  @Field(() => String, { nullable: true, description: "A new ISO 3166-1 alpha-2 code." })
  code?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The state's name (replaces every language held)." })
  name?: LocalizedStringInput[];
}
