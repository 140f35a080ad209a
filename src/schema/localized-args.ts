import { Arg, createParameterDecorator, Field } from "type-graphql";

const LANG_DESCRIPTION = "A BCP 47 language tag (e.g. `ru`, `uk`, `en`); falls back to English, then to any language held.";

/**
 * Declares a localized text field on a record type's class: a `String` in the language of its `lang` argument.
 * The property holds every language (jsonb); the type's resolver picks one (`@FieldResolver() title(…, @LangArg() lang)`).
 * The argument is declared here, on the type's field, so that the resolver can read it with `LangArg` below.
 */
export function LocalizedField(description: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return (prototype, property) => {
    Field(() => String, { nullable: options.nullable, description })(prototype, property);
    Arg("lang", () => String, { nullable: true, description: LANG_DESCRIPTION })(prototype, property as string, 0);
  };
}

/**
 * The `lang` argument of a localized text field (declared by `LocalizedField`), read as is. type-graphql's `@Arg`
 * runs every argument through an async validator, which makes each of the many localized fields of a page a
 * promise and its parent object take graphql-js's async path; a plain string needs no validation.
 */
export function LangArg() {
  return createParameterDecorator(({ args }) => (typeof args.lang === "string" ? args.lang : null));
}
