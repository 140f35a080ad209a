import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { connectWatched, rollbackAfterFailure } from "../db/transaction";
import { ImportHistory } from "../history/import-history";
import type { ChangeActor } from "../history/record-change";
import type { Logger } from "../logger";
import type { RecordBundle } from "./bundle-types";
import { validateBundle } from "./bundle-validation";
import { type ImportResult, ImportTally } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { upsertCoalition } from "./upsert-coalition";
import { upsertMeetings } from "./upsert-meeting";
import { upsertOfficial } from "./upsert-official";
import { upsertSource } from "./upsert-source";
import { upsertState } from "./upsert-state";
import { upsertStatements } from "./upsert-statement";
import { parentsFirst, upsertTopic } from "./upsert-topic";

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

/** Writes the bundle's records in dependency order, counting what each upsert did. */
async function writeBundle(manager: EntityManager, bundle: RecordBundle, keys: RecordKeys): Promise<ImportTally> {
  const tally = new ImportTally();
  for (const source of bundle.sources) tally.count("sources", await upsertSource(manager, source, keys));
  for (const state of bundle.states) tally.count("states", await upsertState(manager, state, keys));
  for (const topic of parentsFirst(bundle.topics)) tally.count("topics", await upsertTopic(manager, topic, keys));
  for (const coalition of bundle.coalitions) tally.count("coalitions", await upsertCoalition(manager, coalition, keys));
  for (const official of bundle.officials) tally.count("officials", await upsertOfficial(manager, official, keys));
  await upsertMeetings(manager, bundle.meetings, keys, tally);
  await upsertStatements(manager, bundle.statements, keys, tally);
  return tally;
}

/**
 * Imports a record bundle (API.md, "Record bundles") in one transaction: validates everything first
 * (BAD_USER_INPUT with every problem's JSON path, nothing written), then upserts by human key. Each
 * entry is a patch: fields it leaves out stay as stored, `null` clears, a child list it gives replaces
 * the stored one; statements are upserted by (official, text) and never deleted. Records and
 * collections that already match are not written, so importing the same bundle twice leaves versions untouched.
 */
export async function importBundle(dataSource: DataSource, bundle: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  const runner = options.queryRunner ?? dataSource.createQueryRunner();
  const connection = await connectWatched(runner);
  try {
    await runner.startTransaction();
    await runner.query(`SET LOCAL lock_timeout = '${IMPORT_LOCK_TIMEOUT}'`);
    await runner.query(`SELECT pg_advisory_xact_lock($1)`, [IMPORT_LOCK_KEY]);
    const { bundle: records, keys } = await validateBundle(runner.manager, bundle);
    const history = await ImportHistory.before(runner.manager, records);
    const tally = await writeBundle(runner.manager, records, keys);
    await history.record(runner.manager, options.actor ?? "cli");
    if (dryRun) await runner.rollbackTransaction();
    else await runner.commitTransaction();
    return tally.result(dryRun);
  } catch (error) {
    await rollbackAfterFailure(runner, options.log);
    throw connection.failure(error);
  } finally {
    if (!options.queryRunner) await connection.release();
  }
}
