/**
 * Text held in several languages, keyed by BCP 47 tag: `{ "en": "Coalition of the Willing", "ru": "Коалиция желающих" }`.
 * Stored as a jsonb object; full-text search reads it through `localized_tsvector(jsonb)` (see the first migration).
 */
export type LocalizedText = Record<string, string>;

/** The text in `lang`, else English, else the first language held (in tag order, so the choice is stable). */
export function pickLocalized(text: LocalizedText | null | undefined, lang?: string | null): string | null {
  if (!text) return null;
  if (lang) {
    if (text[lang] !== undefined) return text[lang];
    const base = lang.split("-")[0];
    if (text[base] !== undefined) return text[base];
  }
  if (text.en !== undefined) return text.en;
  const first = Object.keys(text).sort()[0];
  return first === undefined ? null : text[first];
}
