import { badInput } from "../errors";

/**
 * The text-search expressions, written exactly as the GIN indexes of migration 1795566442714 index them (an
 * expression index is only used when the query repeats its expression). Queries go through
 * `localized_tsquery(text)`: English, Russian and `simple` parses OR-ed, so "гарантиям" finds "гарантии".
 */
export const textVector = {
  meeting: (alias: string) => `(localized_tsvector(${alias}.title) || localized_tsvector(${alias}.summary))`,
  outcome: (alias: string) => `localized_tsvector(${alias}.summary)`,
  statement: (alias: string) => `text_tsvector(${alias}.lang, ${alias}.text)`,
  source: (alias: string) => `localized_tsvector(${alias}.title)`,
  official: (alias: string) => `localized_tsvector(${alias}.name)`,
} as const;

/** The plain-text form the trigram index `official_name_trgm_idx` covers. */
export const officialPlainName = (alias: string) => `localized_plain(${alias}.name)`;

/** The tsquery for a user's words (web-search syntax: "quoted phrases", `or`, `-excluded`). */
export function textQuery(placeholder: string): string {
  return `localized_tsquery(${placeholder})`;
}

const MAX_QUERY_LENGTH = 500;

/** Rejects text that cannot be searched: blank, or longer than MAX_QUERY_LENGTH characters. */
export function checkSearchText(text: string, path: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw badInput([{ path, message: "must contain at least one word" }]);
  if (trimmed.length > MAX_QUERY_LENGTH) throw badInput([{ path, message: `must be at most ${MAX_QUERY_LENGTH} characters` }]);
  return trimmed;
}
