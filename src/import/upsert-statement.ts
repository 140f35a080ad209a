import { type EntityManager, In } from "typeorm";
import { Statement } from "../entities/statement.entity";
import { type Entry, RECORDS } from "../records";

import { type CitationValues, citationValues, loadCitations, syncCitations } from "./citations";
import type { ImportTally } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { upsertRecord } from "./record-upsert";
import { recordValues } from "./record-values";

type StatementEntry = Entry<"Statement">;

/** What is stored of the bundle's statements: rows by natural key, and their citations by id. */
interface StoredStatements {
  byKey: Map<string, Statement>;
  byId: Map<number, Statement>;
  citations: Map<number, CitationValues[]>;
}

/** A statement's natural key is (official, md5(text)): the unique index `statement_natural_key`. */
function naturalKey(officialId: number, text: string): string {
  return `${officialId}\u0000${text}`;
}

/** The stored statements among the bundle's, read in three statements whatever their number. */
async function loadStoredStatements(
  manager: EntityManager,
  statements: StatementEntry[],
  keys: RecordKeys,
): Promise<StoredStatements> {
  const officialIds = statements.map((statement) => keys.id("official", statement.official));
  const found: { id: number }[] = await manager.query(
    `SELECT s.id FROM statement s JOIN unnest($1::int[], $2::text[]) AS wanted(official_id, text)
        ON s.official_id = wanted.official_id AND md5(s.text) = md5(wanted.text)`,
    [officialIds, statements.map((statement) => statement.text)],
  );
  const named = statements.flatMap((statement) => (statement.storedId == null ? [] : [statement.storedId]));
  const ids = [...found.map((row) => row.id), ...named];
  const rows = ids.length === 0 ? [] : await manager.findBy(Statement, { id: In(ids) });
  const withSources = statements.some((statement) => statement.sources !== undefined);
  return {
    byKey: new Map(rows.map((row) => [naturalKey(row.officialId, row.text), row])),
    byId: new Map(rows.map((row) => [row.id, row])),
    citations: withSources ? await loadCitations(manager, "statementId", ids) : new Map(),
  };
}

/** Upserts one statement by its natural key; the entry is a patch (fields it leaves out stay as stored). */
async function upsertStatement(manager: EntityManager, statement: StatementEntry, keys: RecordKeys, stored: StoredStatements) {
  const officialId = keys.id("official", statement.official);
  const existing =
    statement.storedId === null
      ? null
      : ((statement.storedId === undefined
          ? stored.byKey.get(naturalKey(officialId, statement.text))
          : stored.byId.get(statement.storedId)) ?? null);
  const values = recordValues(manager, Statement, RECORDS.Statement, statement, keys);
  const citations = statement.sources && citationValues(statement.sources, keys);
  return upsertRecord(manager, Statement, existing, values, async (statementId, isNew) =>
    citations
      ? syncCitations(manager, "statementId", statementId, citations, isNew ? null : (stored.citations.get(statementId) ?? []))
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
  statements: StatementEntry[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  if (statements.length === 0) return;
  const stored = await loadStoredStatements(manager, statements, keys);
  for (const statement of statements) tally.count("Statement", (await upsertStatement(manager, statement, keys, stored)).action);
}
