import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Citation } from "../entities/citation.entity";
import { Source } from "../entities/source.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";
import type { RecordLoaders } from "./record.loader";

/** The kinds of fact a citation can support, with their column (a whitelist: it becomes an SQL identifier). */
const SUBJECT_COLUMNS = {
  meeting: "meeting_id",
  membership: "membership_id",
  position: "position_id",
  outcome: "outcome_id",
  statement: "statement_id",
} as const;

export type CitationSubject = keyof typeof SUBJECT_COLUMNS;

/** The citations of each fact of one kind, in the order they were recorded; their sources come in the same statement. */
export function createCitationsLoader(
  dataSource: DataSource,
  records: RecordLoaders,
  subject: CitationSubject,
): DataLoader<number, Citation[]> {
  const column = SUBJECT_COLUMNS[subject];
  return new DataLoader((subjectIds) =>
    loadGrouped(
      dataSource,
      Citation,
      `SELECT c.*, c.${column} AS ${PARENT_COLUMN}, (SELECT to_jsonb(s.*) FROM source s WHERE s.id = c.source_id) AS __source
       FROM citation c WHERE c.${column} = ANY($1) ORDER BY c.${column}, c.id`,
      subjectIds,
      [],
      [{ column: "__source", target: Source, loader: records.byId(Source) }],
    ),
  );
}

export type CitationLoaders = Record<CitationSubject, DataLoader<number, Citation[]>>;

export function createCitationLoaders(dataSource: DataSource, records: RecordLoaders): CitationLoaders {
  return {
    meeting: createCitationsLoader(dataSource, records, "meeting"),
    membership: createCitationsLoader(dataSource, records, "membership"),
    position: createCitationsLoader(dataSource, records, "position"),
    outcome: createCitationsLoader(dataSource, records, "outcome"),
    statement: createCitationsLoader(dataSource, records, "statement"),
  };
}
