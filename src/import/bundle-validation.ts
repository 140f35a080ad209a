import type { EntityManager } from "typeorm";
import type { EntryReader } from "../records/entry-reader";
import { checkBundleReferences } from "./bundle-references";
import type { RecordBundle } from "./read-bundle";
import type { RecordKeys } from "./record-keys";
import { checkStoredEntries } from "./stored-entry-checks";

/**
 * Checks what only the database can tell of entries already read (their references against the entries
 * themselves and the stored records, then what each entry leaves out). Throws BAD_USER_INPUT listing
 * every problem of the read and the checks with its path (`meetings[3].participants[0].official: unknown
 * official "x"`); nothing has been written then.
 */
export async function checkEntries(manager: EntityManager, reader: EntryReader, bundle: RecordBundle): Promise<RecordKeys> {
  const keys = await checkBundleReferences(manager, reader, bundle);
  await checkStoredEntries(manager, reader, bundle);
  reader.throwIfProblems();
  return keys;
}
