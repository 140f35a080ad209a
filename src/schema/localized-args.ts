import { ArgsType, Field } from "type-graphql";

/** The `lang` argument of every localized text field. */
@ArgsType()
export class LocalizedArgs {
  @Field(() => String, {
    nullable: true,
    description: "A BCP 47 language tag (e.g. `ru`, `uk`, `en`); falls back to English, then to any language held.",
  })
  lang?: string | null;
}
