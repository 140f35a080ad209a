import { language, type PartShape, reference, TEXT_MAX, text } from "./fields";
import type { JsonList } from "./snapshot-sql";

/** A source cited for a fact, with the passage quoted from it. In a bundle, a bare string is the source's slug. */
export const CITATION = {
  name: "Citation",
  fields: {
    source: reference("source", { required: true }),
    quote: text({ max: TEXT_MAX }),
    quoteLang: language(),
  },
  check: (citation, reader, path) => {
    if (citation.quoteLang !== null && citation.quote === null) reader.problem(`${path}.quoteLang`, "is given without a quote");
  },
} satisfies PartShape;

/** The columns of `citation` that point at the fact cited (a whitelist of SQL identifiers). */
export type CitationColumn = "membership_id" | "position_id" | "meeting_id" | "outcome_id" | "statement_id";

/** The citations of facts as bundle citation objects, in a stable order: a snapshot's `sources`. */
export function citationsOf(column: CitationColumn): JsonList {
  return {
    table: "citation ci",
    joins: "JOIN source so ON so.id = ci.source_id",
    id: "ci.id",
    owner: `ci.${column}`,
    order: "so.slug, ci.id",
    object: () => `json_build_object('source', so.slug, 'quote', ci.quote, 'quoteLang', ci.quote_lang)`,
  };
}

/** A period's end may not come before its start (ISO dates compare as text). */
export function checkPeriod(
  part: Record<string, unknown>,
  reader: { problem(path: string, message: string): void },
  path: string,
) {
  const { since, until } = part;
  if (typeof since === "string" && typeof until === "string" && until < since)
    reader.problem(`${path}.until`, `must not be before since (${since})`);
}
