import { Field, ObjectType } from "type-graphql";
import type { LocalizedText } from "../entities/localized-text";

/** One language's version of a localized text. */
@ObjectType("LocalizedString", { description: "A text in one language.", simpleResolvers: true })
export class LocalizedString {
  @Field(() => String, { description: "The BCP 47 language tag, e.g. `en`, `ru`, `uk`." })
  lang: string;

  @Field(() => String, { description: "The text in that language." })
  text: string;
}

/** Every language held, sorted by tag so the order is stable. */
export function localizedStrings(text: LocalizedText | null | undefined): LocalizedString[] {
  if (!text) return [];
  return Object.keys(text)
    .sort()
    .map((lang) => ({ lang, text: text[lang] }));
}
