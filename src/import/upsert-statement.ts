import type { EntityManager } from "typeorm";
import { Statement } from "../entities/statement.entity";
import type { StatementInput } from "./bundle-types";
import { type CitationValues, citationValues, loadCitations, syncCitations } from "./citations";
import type { ImportTally } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { type UpsertedRecord, upsertRecord } from "./record-upsert";

/** A statement's natural key is (official, md5(text)): the unique index `statement_natural_key`. */
async function findStatement(manager: EntityManager, officialId: number, text: string): Promise<Statement | null> {
  return manager
    .createQueryBuilder(Statement, "statement")
    .where("statement.official_id = :officialId AND md5(statement.text) = md5(:text)", { officialId, text })
    .getOne();
}

/** The statement's citations as stored (none for a new one); read only when the entry gives `sources`. */
async function storedCitations(manager: EntityManager, statementId: number, isNew: boolean): Promise<CitationValues[] | null> {
  return isNew ? null : ((await loadCitations(manager, "statementId", [statementId])).get(statementId) ?? []);
}

/** Upserts one statement by its natural key; the entry is a patch (fields it leaves out stay as stored). */
export async function upsertStatement(
  manager: EntityManager,
  statement: StatementInput,
  keys: RecordKeys,
): Promise<UpsertedRecord> {
  const officialId = keys.id("official", statement.official);
  const existing = await findStatement(manager, officialId, statement.text);
  const values = {
    officialId,
    meetingId: keys.presentId("meeting", statement.meeting),
    text: statement.text,
    lang: statement.lang,
    madeOn: statement.madeOn,
    sourceId: keys.presentId("source", statement.source),
  };
  const citations = statement.sources && citationValues(statement.sources, keys);
  return upsertRecord(manager, Statement, existing, values, async (statementId, isNew) =>
    citations
      ? syncCitations(manager, "statementId", statementId, citations, await storedCitations(manager, statementId, isNew))
      : false,
  );
}

/**
 * The bundle's statements, each upserted by its natural key (official, text). Statements the bundle
 * does not list are never touched: importing one article's statement by an official keeps the ones
 * imported from other articles.
 */
export async function upsertStatements(
  manager: EntityManager,
  statements: StatementInput[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  for (const statement of statements) tally.count("statements", (await upsertStatement(manager, statement, keys)).action);
}
