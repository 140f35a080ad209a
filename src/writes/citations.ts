import type { EntityManager } from "typeorm";
import type { CitationInput } from "../schema/citation.input";
import type { Problems } from "./problems";
import type { References } from "./references";
import { deleteRowsWhere, insertRow } from "./rows";

/** The fact a citation supports: the citation table's column for it (whitelisted) and the fact's id. */
export type CitationSubjectColumn = "membership_id" | "position_id" | "meeting_id" | "outcome_id" | "statement_id";

/** Queues the sources of a list of citations for resolution, with their input paths. */
export function wantCitationSources(references: References, citations: CitationInput[] | null | undefined, path: string): void {
  citations?.forEach((citation, index) => {
    references.want("source", citation.source, `${path}[${index}].source`);
  });
}

/** A quote language without a quote is meaningless: report it. */
export function checkCitations(citations: CitationInput[] | null | undefined, path: string, problems: Problems): void {
  citations?.forEach((citation, index) => {
    if (citation.quoteLang && !citation.quote) problems.add(`${path}[${index}].quoteLang`, "is given without a quote");
  });
}

export async function insertCitations(
  manager: EntityManager,
  references: References,
  column: CitationSubjectColumn,
  subjectId: number,
  citations: CitationInput[] | null | undefined,
): Promise<void> {
  for (const citation of citations ?? []) {
    await insertRow(manager, "citation", {
      source_id: references.id("source", citation.source),
      quote: citation.quote ?? null,
      quote_lang: citation.quoteLang ?? null,
      [column]: subjectId,
    });
  }
}

/** Replaces every citation of one fact. */
export async function replaceCitations(
  manager: EntityManager,
  references: References,
  column: CitationSubjectColumn,
  subjectId: number,
  citations: CitationInput[],
): Promise<void> {
  await deleteRowsWhere(manager, "citation", column, subjectId);
  await insertCitations(manager, references, column, subjectId, citations);
}
