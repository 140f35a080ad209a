import { Arg } from "type-graphql";

/**
 * The `lang` argument of every localized text field. A plain scalar argument (not an args class), so
 * type-graphql does not run class validation for each of the many fields that take it.
 */
export function LangArg() {
  return Arg("lang", () => String, {
    nullable: true,
    description: "A BCP 47 language tag (e.g. `ru`, `uk`, `en`); falls back to English, then to any language held.",
  });
}
