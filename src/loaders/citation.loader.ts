import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Citation } from "../entities/citation.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

/** The kinds of fact a citation can support, with their column (a whitelist: it becomes an SQL identifier). */
const SUBJECT_COLUMNS = {
  meeting: "meeting_id",
  membership: "membership_id",
  position: "position_id",
  outcome: "outcome_id",
  statement: "statement_id",
} as const;

export type CitationSubject = keyof typeof SUBJECT_COLUMNS;

/** The citations of each fact of one kind, in the order they were recorded. */
export function createCitationsLoader(dataSource: DataSource, subject: CitationSubject): DataLoader<number, Citation[]> {
  const column = SUBJECT_COLUMNS[subject];
  return new DataLoader((subjectIds) =>
    loadGrouped(
      dataSource,
      Citation,
      `SELECT c.*, c.${column} AS ${PARENT_COLUMN} FROM citation c WHERE c.${column} = ANY($1) ORDER BY c.${column}, c.id`,
      subjectIds,
    ),
  );
}

export type CitationLoaders = Record<CitationSubject, DataLoader<number, Citation[]>>;

export function createCitationLoaders(dataSource: DataSource): CitationLoaders {
  return {
    meeting: createCitationsLoader(dataSource, "meeting"),
    membership: createCitationsLoader(dataSource, "membership"),
    position: createCitationsLoader(dataSource, "position"),
    outcome: createCitationsLoader(dataSource, "outcome"),
    statement: createCitationsLoader(dataSource, "statement"),
  };
}
