import type { EntityManager } from "typeorm";
import { Statement } from "../entities/statement.entity";
import type { StatementInput } from "./bundle-types";
import { citationValues, syncCitations } from "./citations";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { upsertRecord } from "./record-upsert";

/** A statement's natural key is (official, md5(text)): the unique index `statement_natural_key`. */
async function findStatement(manager: EntityManager, officialId: number, text: string): Promise<Statement | null> {
  return manager
    .createQueryBuilder(Statement, "statement")
    .where("statement.official_id = :officialId AND md5(statement.text) = md5(:text)", { officialId, text })
    .getOne();
}

export async function upsertStatement(
  manager: EntityManager,
  statement: StatementInput,
  keys: RecordKeys,
): Promise<UpsertAction> {
  const officialId = keys.id("official", statement.official);
  const existing = await findStatement(manager, officialId, statement.text);
  const values = {
    officialId,
    meetingId: keys.optionalId("meeting", statement.meeting),
    text: statement.text,
    lang: statement.lang,
    madeOn: statement.madeOn,
    sourceId: keys.optionalId("source", statement.source),
  };
  const citations = citationValues(statement.sources, keys);
  const { action } = await upsertRecord(manager, Statement, existing, values, (statementId, isNew) =>
    syncCitations(manager, "statementId", statementId, citations, isNew),
  );
  return action;
}
