import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { connectWatched, rollbackAfterFailure } from "../db/transaction";
import { ImportHistory } from "../history/import-history";
import type { ChangeActor } from "../history/record-change";
import type { Logger } from "../logger";
import { RECORD_TYPE_NAMES, type RecordTypeName } from "../records";
import type { EntryReader } from "../records/entry-reader";
import { checkEntries } from "./bundle-validation";
import { type ImportResult, ImportTally } from "./import-result";
import { type RecordBundle, readBundle } from "./read-bundle";
import type { RecordKeys } from "./record-keys";
import { upsertKeyedRecord } from "./record-upsert";
import { parentsFirst } from "./topic-order";
import { upsertCoalition } from "./upsert-coalition";
import { upsertMeetings } from "./upsert-meeting";
import { upsertOfficial } from "./upsert-official";
import { upsertOutcomes } from "./upsert-outcome";
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
}

/** One lock for every import: two imports of overlapping bundles would otherwise race on the same human keys. */
export const IMPORT_LOCK_KEY = 0x43_48_41_4e; // "CHAN"
/** An import may wait for another one longer than the default lock_timeout. */
const IMPORT_LOCK_TIMEOUT = "30s";

/** How each record type's entries are written (one upsert per type; keyed records share one), in RECORDS' order. */
const WRITERS: Record<
  RecordTypeName,
  (manager: EntityManager, bundle: RecordBundle, keys: RecordKeys, tally: ImportTally) => Promise<void>
> = {
  Source: keyedWriter("Source"),
  State: keyedWriter("State"),
  Topic: async (manager, bundle, keys, tally) => {
    for (const topic of parentsFirst(bundle.Topic)) tally.count("Topic", await upsertKeyedRecord(manager, "Topic", topic, keys));
  },
  Coalition: async (manager, bundle, keys, tally) => {
    for (const coalition of bundle.Coalition) tally.count("Coalition", await upsertCoalition(manager, coalition, keys));
  },
  Official: async (manager, bundle, keys, tally) => {
    for (const official of bundle.Official) tally.count("Official", await upsertOfficial(manager, official, keys));
  },
  Meeting: (manager, bundle, keys, tally) => upsertMeetings(manager, bundle.Meeting, keys, tally),
  Outcome: (manager, bundle, keys, tally) => upsertOutcomes(manager, bundle.Outcome, keys, tally),
  Statement: (manager, bundle, keys, tally) => upsertStatements(manager, bundle.Statement, keys, tally),
};

function keyedWriter(recordType: "Source" | "State") {
  return async (manager: EntityManager, bundle: RecordBundle, keys: RecordKeys, tally: ImportTally) => {
    for (const entry of bundle[recordType]) tally.count(recordType, await upsertKeyedRecord(manager, recordType, entry, keys));
  };
}

/** Writes the entries' records in dependency order (RECORDS' order), counting what each upsert did. */
async function writeBundle(manager: EntityManager, bundle: RecordBundle, keys: RecordKeys): Promise<ImportTally> {
  const tally = new ImportTally();
  for (const recordType of RECORD_TYPE_NAMES) await WRITERS[recordType](manager, bundle, keys, tally);
  return tally;
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
  const keys = await checkEntries(manager, reader, bundle);
  const history = await ImportHistory.before(manager, bundle);
  const tally = await writeBundle(manager, bundle, keys);
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
  const runner = options.queryRunner ?? dataSource.createQueryRunner();
  const connection = await connectWatched(runner, options.queryRunner !== undefined);
  try {
    await runner.startTransaction();
    await runner.query(`SET LOCAL lock_timeout = '${IMPORT_LOCK_TIMEOUT}'`);
    await runner.query(`SELECT pg_advisory_xact_lock($1)`, [IMPORT_LOCK_KEY]);
    const { bundle: entries, reader } = readBundle(bundle);
    const tally = await writeEntries(runner.manager, reader, entries, options.actor ?? "cli");
    if (dryRun) await runner.rollbackTransaction();
    else await runner.commitTransaction();
    return tally.result(dryRun);
  } catch (error) {
    await rollbackAfterFailure(runner, options.log);
    throw connection.failure(error);
  } finally {
    await connection.release();
  }
}
