import { Matches } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LocalizedTextRules, OmittableNotNull, STATE_CODE_MESSAGE, STATE_CODE_PATTERN } from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";

@InputType("CreateStateInput", { description: "A new sovereign state." })
export class CreateStateInput {
  @Field(() => String, { description: "The ISO 3166-1 alpha-2 code, e.g. `FR`; the state's human key." })
  @Matches(STATE_CODE_PATTERN, { message: STATE_CODE_MESSAGE })
  code: string;

  @Field(() => [LocalizedStringInput], { description: "The state's name, one entry per language." })
  @LocalizedTextRules()
  name: LocalizedStringInput[];
}

@InputType("UpdateStateInput", { description: "Changes to a state; fields left out keep their values." })
export class UpdateStateInput {
  @Field(() => String, { nullable: true, description: "A new ISO 3166-1 alpha-2 code." })
  @OmittableNotNull()
  @Matches(STATE_CODE_PATTERN, { message: STATE_CODE_MESSAGE })
  code?: string;

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The state's name (replaces every language held)." })
  @OmittableNotNull()
  @LocalizedTextRules()
  name?: LocalizedStringInput[];
}
