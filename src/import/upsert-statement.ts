import { type EntityManager, In } from "typeorm";
import type { RecordBase } from "../entities/record-base";
import { Statement } from "../entities/statement.entity";
import type { Entry } from "../records";
import { citationRows, citationValues } from "./citations";
import type { ImportTally } from "./import-result";
import { syncOwnedRows } from "./owned-rows";
import type { RecordKeys } from "./record-keys";
import { writeRecords } from "./record-upsert";

type StatementEntry = Entry<"Statement">;

/** A statement's natural key is (official, md5(text)): the unique index `statement_natural_key`. */
function naturalKey(officialId: number, text: string): string {
  return `${officialId}\u0000${text}`;
}

/** The stored statement each entry patches (by natural key, or the id it names), in two statements whatever their number. */
async function storedStatements(
  manager: EntityManager,
  statements: StatementEntry[],
  keys: RecordKeys,
): Promise<(RecordBase | null)[]> {
  const byKey = statements.filter((statement) => statement.storedId === undefined);
  const found: { id: number }[] =
    byKey.length === 0
      ? []
      : await manager.query(
          `SELECT s.id FROM statement s JOIN unnest($1::int[], $2::text[]) AS wanted(official_id, text)
              ON s.official_id = wanted.official_id AND md5(s.text) = md5(wanted.text)`,
          [byKey.map((statement) => keys.id("official", statement.official)), byKey.map((statement) => statement.text)],
        );
  const named = statements.flatMap((statement) => (statement.storedId == null ? [] : [statement.storedId]));
  const ids = [...found.map((row) => row.id), ...named];
  const rows = ids.length === 0 ? [] : await manager.findBy(Statement, { id: In(ids) });
  const stored = new Map(rows.map((row) => [naturalKey(row.officialId, row.text), row]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return statements.map((statement) => {
    if (statement.storedId === null) return null;
    if (statement.storedId !== undefined) return byId.get(statement.storedId) ?? null;
    return stored.get(naturalKey(keys.id("official", statement.official), statement.text)) ?? null;
  });
}

/**
 * The bundle's statements, each upserted by its natural key (official, text). Statements the bundle
 * does not list are never touched: importing one article's statement by an official keeps the ones
 * imported from other articles.
 */
export async function upsertStatements(
  manager: EntityManager,
  statements: StatementEntry[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  await writeRecords(manager, "Statement", statements, keys, tally, {
    stored: (m, entries) => storedStatements(m, entries, keys),
    children: (m, placed) =>
      syncOwnedRows(
        m,
        citationRows("statementId"),
        placed.map(({ entry, id, existing }) => ({
          ownerId: id,
          isNew: existing === null,
          wanted: entry.sources && citationValues(entry.sources, keys),
        })),
      ),
  });
}
