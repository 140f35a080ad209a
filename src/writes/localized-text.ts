import type { LocalizedText } from "../entities/localized-text";
import type { LocalizedStringInput } from "../schema/localized-string.input";

/** `[{lang, text}]` as the stored jsonb object `{lang: text}` (null stays null, undefined stays undefined). */
export function toLocalizedText(entries: LocalizedStringInput[]): LocalizedText;
export function toLocalizedText(entries: LocalizedStringInput[] | null | undefined): LocalizedText | null | undefined;
export function toLocalizedText(entries: LocalizedStringInput[] | null | undefined): LocalizedText | null | undefined {
  if (entries === null || entries === undefined) return entries;
  return Object.fromEntries(entries.map((entry) => [entry.lang, entry.text]));
}
