import { type DataSource, type EntityManager, QueryFailedError, type QueryRunner } from "typeorm";
import { readImportStatementTimeoutMs } from "../config";
import { classifyDatabaseError } from "../db/database-errors";
import { connectWatched, rollbackAfterFailure } from "../db/transaction";
import { clientError, ErrorCode } from "../errors";
import { ImportHistory } from "../history/import-history";
import type { ChangeActor } from "../history/record-change";
import type { Logger } from "../logger";
import { RECORD_TYPE_NAMES, type RECORDS, type RecordDescription, type RecordEntry, type RecordTypeName } from "../records";
import type { EntryReader } from "../records/entry-reader";
import type { ValueOf } from "../records/fields";
import { checkEntries } from "./bundle-validation";
import { ImportProgress, largeWrites, progressAt, withProgress } from "./import-progress";
import { type ImportResult, ImportTally } from "./import-result";
import { type RecordBundle, readBundle } from "./read-bundle";
import type { RecordKeys } from "./record-keys";
import { writeRecords } from "./record-upsert";
import { upsertCoalitions } from "./upsert-coalition";
import { upsertMeetings } from "./upsert-meeting";
import { upsertOfficials } from "./upsert-official";
import { standaloneOutcomes, upsertOutcomes } from "./upsert-outcome";
import { upsertStatements } from "./upsert-statement";

export type { ImportResult, TypeCounts } from "./import-result";

export interface ImportOptions {
  /** Validate and count inside a transaction that is rolled back: nothing is written. */
  dryRun?: boolean;
  /** Who imports (an API key label, "cli", "seed"; or the key's label and id), for the change history. */
  actor?: string | ChangeActor | null;
  /** Where a failed rollback is logged (at warn; the import's own error is thrown). */
  log?: Logger;
  /** A connection of the caller's (which stays open) instead of one from the pool: the start-up seed's, holding the start-up lock. */
  queryRunner?: QueryRunner;
  /** The import transaction's statement timeout (IMPORT_STATEMENT_TIMEOUT_MS), instead of a request's DB_STATEMENT_TIMEOUT_MS; 0 for none. */
  statementTimeoutMs?: number;
}

/** One lock for every import: two imports of overlapping bundles would otherwise race on the same human keys. */
export const IMPORT_LOCK_KEY = 0x43_48_41_4e; // "CHAN"
/** An import may wait for another one longer than the default lock_timeout. */
const IMPORT_LOCK_TIMEOUT = "30s";
/** Rows written into one table above which its statistics are refreshed before the history reads it. */
export const ANALYZE_AFTER_ROWS = 1_000;
/** The sample that refresh reads: 300 × this many rows per table. */
const ANALYZE_STATISTICS_TARGET = 10;

type Writer = (manager: EntityManager, bundle: RecordBundle, keys: RecordKeys, tally: ImportTally) => Promise<unknown>;

/**
 * The fields of a description whose value is a list of objects (parts, nested entries), stored in tables
 * of their own that only the type's writer knows; lists of references are synced by `writeRecords`.
 */
type PartFields<D extends RecordDescription> = {
  [K in keyof D["fields"]]: NonNullable<ValueOf<D["fields"][K]>> extends readonly object[] ? K : never;
}[keyof D["fields"]];

/**
 * The record types `writeRecords` alone cannot write: those with parts (their writer syncs them) and those
 * without a key column (their writer finds the stored rows). The compiler requires a writer for each in WRITERS.
 */
type CustomWritten = {
  [T in RecordTypeName]: [PartFields<(typeof RECORDS)[T]>] extends [never]
    ? null extends (typeof RECORDS)[T]["keyColumn"]
      ? T
      : never
    : T;
}[RecordTypeName];

/** How the record types with parts, or without a key column, write their entries (set-based, a few statements per table). */
const WRITERS: Record<CustomWritten, Writer> & Partial<Record<RecordTypeName, Writer>> = {
  Coalition: (manager, bundle, keys, tally) => upsertCoalitions(manager, bundle.Coalition, keys, tally),
  Official: (manager, bundle, keys, tally) => upsertOfficials(manager, bundle.Official, keys, tally),
  Meeting: (manager, bundle, keys, tally) => upsertMeetings(manager, bundle.Meeting, keys, tally),
  Outcome: (manager, bundle, keys, tally) => upsertOutcomes(manager, standaloneOutcomes(bundle.Outcome, keys), keys, tally),
  Statement: (manager, bundle, keys, tally) => upsertStatements(manager, bundle.Statement, keys, tally),
};

/** A record type's writer: its own in WRITERS, else its row and links written by key (a keyed type without parts). */
function writerOf(type: RecordTypeName): Writer {
  return (
    WRITERS[type] ??
    ((manager, bundle, keys, tally) => writeRecords<RecordTypeName, RecordEntry>(manager, type, bundle[type], keys, tally))
  );
}

/** Writes the entries' records in dependency order (RECORDS' order), counting what each upsert did. */
async function writeBundle(manager: EntityManager, bundle: RecordBundle, keys: RecordKeys): Promise<ImportTally> {
  const tally = new ImportTally();
  for (const recordType of RECORD_TYPE_NAMES) await writerOf(recordType)(manager, bundle, keys, tally);
  return tally;
}

/**
 * Refreshes the statistics of the tables a large write filled (ANALYZE, inside the transaction): the
 * history's snapshot statement is planned on them right after, and on a freshly loaded table without
 * statistics the planner scans every official and source per meeting (seconds instead of a fraction).
 */
async function analyzeLargeWrites(manager: EntityManager): Promise<void> {
  const tables = largeWrites(ANALYZE_AFTER_ROWS);
  if (tables.length === 0) return;
  progressAt(`refreshing the statistics of ${tables.join(", ")}`);
  // A small sample plans the snapshot statement as well, in a fraction of the time (autovacuum refines it later).
  await manager.query(`SET LOCAL default_statistics_target = ${ANALYZE_STATISTICS_TARGET}`);
  await manager.query(`ANALYZE ${tables.map((table) => `"${table}"`).join(", ")}`);
}

/**
 * The write pipeline every change of records goes through, an import's or a mutation's: entries already
 * read (by the record descriptions, problems in `reader`) are checked against the stored records (every
 * problem thrown at once, nothing written), written by key, and recorded in the history (versions raised
 * where a record changed). The caller holds the locks.
 */
export async function writeEntries(
  manager: EntityManager,
  reader: EntryReader,
  bundle: RecordBundle,
  actor: string | ChangeActor,
): Promise<ImportTally> {
  progressAt("checking the entries against the stored records");
  const keys = await checkEntries(manager, reader, bundle);
  const history = await ImportHistory.before(manager, bundle);
  const tally = await writeBundle(manager, bundle, keys);
  await analyzeLargeWrites(manager);
  await history.record(manager, actor);
  return tally;
}

/**
 * Imports a record bundle (docs/bundle-format.md) in one transaction: validates everything first
 * (BAD_USER_INPUT with every problem's JSON path, nothing written), then upserts by human key. Each
 * entry is a patch: fields it leaves out stay as stored, `null` clears, a child list it gives replaces
 * the stored one; statements are upserted by (official, text) and never deleted. Records and
 * collections that already match are not written, so importing the same bundle twice leaves versions untouched.
 */
export async function importBundle(dataSource: DataSource, bundle: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  const timeoutMs = Math.trunc(options.statementTimeoutMs ?? readImportStatementTimeoutMs());
  const runner = options.queryRunner ?? dataSource.createQueryRunner();
  const connection = await connectWatched(runner, options.queryRunner !== undefined);
  const progress = new ImportProgress();
  try {
    return await withProgress(progress, async () => {
      await runner.startTransaction();
      // Lifted for the whole transaction, the wait for another import's lock included.
      await runner.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
      await runner.query(`SET LOCAL lock_timeout = '${IMPORT_LOCK_TIMEOUT}'`);
      progressAt("waiting for another import to finish");
      await runner.query(`SELECT pg_advisory_xact_lock($1)`, [IMPORT_LOCK_KEY]);
      progressAt("reading the bundle");
      const { bundle: entries, reader } = readBundle(bundle);
      const tally = await writeEntries(runner.manager, reader, entries, options.actor ?? "cli");
      progressAt("committing");
      if (dryRun) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return tally.result(dryRun);
    });
  } catch (error) {
    await rollbackAfterFailure(runner, options.log);
    throw importFailure(connection.failure(error), progress, timeoutMs);
  } finally {
    await connection.release();
  }
}

/**
 * The error a failed import answers: its own statement timeout says so, naming the setting and how far
 * the import got; a database failure keeps its class (for the classifier) and notes how far it got.
 */
function importFailure(error: unknown, progress: ImportProgress, timeoutMs: number): unknown {
  if (classifyDatabaseError(error) === "STATEMENT_TIMEOUT") {
    return clientError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `the import ran longer than IMPORT_STATEMENT_TIMEOUT_MS (${timeoutMs} ms) while ${progress.step}; nothing was written (split the bundle, or raise the setting)`,
      { limit: "importStatementTimeoutMs", max: timeoutMs },
    );
  }
  const fromDatabase = error instanceof QueryFailedError || classifyDatabaseError(error) !== undefined;
  return fromDatabase ? progress.explain(error) : error;
}
