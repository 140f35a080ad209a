import { IsNotEmpty, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LANG_MESSAGE, LANG_PATTERN, TEXT_MAX } from "./input-rules";

/** One language's version of a localized text, as written by a client. */
@InputType("LocalizedStringInput", {
  description: "A text in one language; a localized field takes a list of these, one per language.",
})
export class LocalizedStringInput {
  @Field(() => String, { description: "The BCP 47 language tag, e.g. `en`, `ru`, `uk`." })
  @Matches(LANG_PATTERN, { message: LANG_MESSAGE })
  lang: string;

  @Field(() => String, { description: "The text in that language (not empty)." })
  @IsNotEmpty({ message: "must not be empty" })
  @MaxLength(TEXT_MAX, { message: `must be at most ${TEXT_MAX} characters` })
  text: string;
}
