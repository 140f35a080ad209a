import { ArrayMinSize, ArrayUnique, IsDefined, ValidateIf, ValidateNested } from "class-validator";

/** Shapes that inputs share (checked by class-validator decorators on the input classes). */

/** A human key: lowercase words of letters and digits joined by single hyphens, e.g. `coalition-of-the-willing`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = "must be lowercase letters and digits joined by single hyphens (e.g. coalition-of-the-willing)";
export const SLUG_MAX = 200;

/** A BCP 47 language tag, simplified: `en`, `ru`, `uk`, `pt-BR`, `zh-Hant`. */
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
export const LANG_MESSAGE = "must be a BCP 47 language tag such as en, ru or pt-BR";

/** An ISO 3166-1 alpha-2 code. */
export const STATE_CODE_PATTERN = /^[A-Z]{2}$/;
export const STATE_CODE_MESSAGE = "must be an ISO 3166-1 alpha-2 code in capitals, e.g. FR";

export const TEXT_MAX = 20000;

/** For update inputs: the field may be left out (unchanged), but not set to null (the column requires a value). */
export function OmittableNotNull(): PropertyDecorator {
  return (target, property) => {
    ValidateIf((input: Record<string | symbol, unknown>) => input[property] !== undefined)(target, property);
    IsDefined({ message: "must not be null (leave it out to keep the current value)" })(target, property);
  };
}

/** A localized text field: at least one language, each language once, each entry valid. */
export function LocalizedTextRules(): PropertyDecorator {
  return (target, property) => {
    ValidateNested({ each: true })(target, property);
    ArrayMinSize(1, { message: "must hold the text in at least one language" })(target, property);
    ArrayUnique((entry: { lang: string }) => entry.lang, { message: "must hold each language at most once" })(target, property);
  };
}
