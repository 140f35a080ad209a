import type { EntityManager } from "typeorm";
import { Citation } from "../entities/citation.entity";
import type { CITATION } from "../records/citation.part";
import type { PartOf } from "../records/fields";
import { deleteRowsOf, insertRows } from "./bulk-rows";
import type { OwnedRows } from "./owned-rows";
import type { RecordKeys } from "./record-keys";

/** The fact a citation supports: the column of `citation` that points at it (a whitelist). */
export type CitationSubject = "membershipId" | "positionId" | "meetingId" | "outcomeId" | "statementId";

const SUBJECT_COLUMNS: Record<CitationSubject, string> = {
  membershipId: "membership_id",
  positionId: "position_id",
  meetingId: "meeting_id",
  outcomeId: "outcome_id",
  statementId: "statement_id",
};

/** A citation as compared: which source, which quote. */
export interface CitationValues {
  sourceId: number;
  quote: string | null;
  quoteLang: string | null;
}

export function citationValues(citations: PartOf<typeof CITATION>[], keys: RecordKeys): CitationValues[] {
  return citations.map((citation) => ({
    sourceId: keys.id("source", citation.source),
    quote: citation.quote,
    quoteLang: citation.quoteLang,
  }));
}

/** The stored citations of each subject id, in the order they were written. */
export async function loadCitations(
  manager: EntityManager,
  subject: CitationSubject,
  ids: number[],
): Promise<Map<number, CitationValues[]>> {
  const bySubject = new Map<number, CitationValues[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return bySubject;
  const column = SUBJECT_COLUMNS[subject];
  const rows: { subject_id: number; source_id: number; quote: string | null; quote_lang: string | null }[] = await manager.query(
    `SELECT ${column} AS subject_id, source_id, quote, quote_lang FROM citation WHERE ${column} = ANY($1) ORDER BY id`,
    [ids],
  );
  for (const row of rows) {
    bySubject.get(row.subject_id)?.push({ sourceId: row.source_id, quote: row.quote, quoteLang: row.quote_lang });
  }
  return bySubject;
}

/** A subject's citations as owned rows: compared in the order they were written. */
export function citationRows(subject: CitationSubject): OwnedRows<CitationValues> {
  return {
    name: `citation (${SUBJECT_COLUMNS[subject]})`,
    load: (manager, ids) => loadCitations(manager, subject, ids),
    clear: (manager, ids) => deleteRowsOf(manager, "citation", SUBJECT_COLUMNS[subject], ids),
    insert: (manager, rows) =>
      insertRows(
        manager,
        Citation,
        rows.map(({ ownerId, value }) => ({ ...value, [subject]: ownerId })),
      ),
  };
}

/** Adds citations to one subject, after its stored ones. */
export function insertCitations(
  manager: EntityManager,
  subject: CitationSubject,
  id: number,
  citations: CitationValues[],
): Promise<void> {
  return citationRows(subject).insert(
    manager,
    citations.map((value) => ({ ownerId: id, value })),
  );
}
