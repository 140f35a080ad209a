import type { EntityManager } from "typeorm";
import { badInput } from "../errors";
import { checkBundleReferences } from "./bundle-references";
import { readBundleShape } from "./bundle-shape";
import type { RecordBundle } from "./bundle-types";
import type { RecordKeys } from "./record-keys";
import { checkStoredEntries } from "./stored-entry-checks";

/**
 * Validates a bundle completely: its shape, then its references against the bundle itself and the
 * stored records, then what each entry leaves out (a new record's required fields). Throws BAD_USER_INPUT listing every problem with its JSON path
 * (`meetings[3].participants[0].official: unknown official "x"`); nothing has been written then.
 */
export async function validateBundle(manager: EntityManager, raw: unknown): Promise<{ bundle: RecordBundle; keys: RecordKeys }> {
  const { bundle, reader } = readBundleShape(raw);
  const keys = await checkBundleReferences(manager, reader, bundle);
  await checkStoredEntries(manager, reader, bundle);
  if (reader.problems.length > 0) throw badInput(reader.problems);
  return { bundle, keys };
}
