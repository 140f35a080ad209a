import { Field, InputType } from "type-graphql";

/** One language's version of a localized text, as written by a client. */
@InputType("LocalizedStringInput", {
  description: "A text in one language; a localized field takes a list of these, one per language.",
})
export class LocalizedStringInput {
  @Field(() => String, { description: "The BCP 47 language tag, e.g. `en`, `ru`, `uk`." })
  lang: string;

  @Field(() => String, { description: "The text in that language (not empty)." })
  text: string;
}
