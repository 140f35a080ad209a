import { type GraphQLSchema, isObjectType } from "graphql";
import { type LocalizedText, pickLocalized } from "../entities/localized-text";

/** The one argument of a localized text field (see `LangArg`). */
const LANG = "lang";

/**
 * Resolves every localized text field (a field whose only argument is `lang`, e.g. `Meeting.title`,
 * `Official.name`) without a promise. type-graphql runs each argument through an async validator, so a
 * field with any argument resolved through a promise, and its parent object through graphql-js's async
 * path: ~180 such fields in one canonical-question page. Each of these fields is declared by a resolver that returns
 * `pickLocalized(root.<field>, lang)` (src/resolvers/*.resolver.ts); this is the same function, called directly.
 */
export function resolveLocalizedFieldsSynchronously(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length !== 1 || field.args[0].name !== LANG) continue;
      const property = field.name;
      field.resolve = (root: Record<string, unknown>, args: { lang?: string | null }) =>
        pickLocalized(root[property] as LocalizedText | null | undefined, args.lang ?? null);
    }
  }
}
