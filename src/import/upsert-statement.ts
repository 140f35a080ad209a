import type { EntityManager } from "typeorm";
import { Statement } from "../entities/statement.entity";
import type { StatementInput } from "./bundle-types";
import { citationValues, loadCitations, syncCitations } from "./citations";
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

export async function upsertStatement(
  manager: EntityManager,
  statement: StatementInput,
  keys: RecordKeys,
): Promise<UpsertedRecord & { officialId: number }> {
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
  const upserted = await upsertRecord(manager, Statement, existing, values, async (statementId, isNew) =>
    syncCitations(
      manager,
      "statementId",
      statementId,
      citations,
      isNew ? null : ((await loadCitations(manager, "statementId", [statementId])).get(statementId) ?? []),
    ),
  );
  return { ...upserted, officialId };
}

/**
 * The bundle's statements, upserted; each official they name ends up with exactly the statements the
 * bundle lists for them (their statements are a child collection). Officials the section does not
 * name keep theirs.
 */
export async function upsertStatements(
  manager: EntityManager,
  statements: StatementInput[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  const keptByOfficial = new Map<number, number[]>();
  for (const statement of statements) {
    const { id, action, officialId } = await upsertStatement(manager, statement, keys);
    tally.count("statements", action);
    keptByOfficial.set(officialId, [...(keptByOfficial.get(officialId) ?? []), id]);
  }
  for (const [officialId, kept] of keptByOfficial) {
    await manager.query(`DELETE FROM statement WHERE official_id = $1 AND NOT (id = ANY($2))`, [officialId, kept]);
  }
}
