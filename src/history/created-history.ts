import type { EntityManager } from "typeorm";
import { progressAt } from "../import/import-progress";
import { RECORDS, type RecordTypeName } from "../records";
import { toGlobalId } from "../schema/global-id";
import { appendAtCommit, type ChangeActor } from "./record-change";

/**
 * Records a CREATE entry (version 1, no `before`, its snapshot as `after`) for each of the records, in
 * the order of `ids`, written at commit (appendAtCommit) by one statement that reads their snapshots
 * where it inserts them: a large import's snapshots never travel to Node and back. The entry is the one
 * recordChanges would write for the same change (the human key from the snapshot, a statement's global
 * id). Ids with no row at commit are left out.
 */
export function appendCreated(
  manager: EntityManager,
  actor: ChangeActor | string,
  recordType: RecordTypeName,
  ids: number[],
): void {
  if (ids.length === 0) return;
  const { label, apiKeyId } = typeof actor === "string" ? { label: actor, apiKeyId: null } : actor;
  const { keyColumn, snapshot, section } = RECORDS[recordType];
  const recordKey =
    keyColumn === null
      ? "wanted.key"
      : `CASE WHEN jsonb_typeof(s.snapshot -> '${keyColumn}') = 'string' THEN s.snapshot ->> '${keyColumn}' END`;
  const keys = ids.map((id) => (keyColumn === null ? toGlobalId(recordType, id) : null));
  appendAtCommit(manager, async (atCommit) => {
    progressAt(`writing ${ids.length.toLocaleString("en")} history entries of created ${section}`);
    await atCommit.query(
      `INSERT INTO record_change (actor, api_key_id, record_type, record_id, record_key, action, before, after, version)
       SELECT $3, $4::int, $5, s.id, ${recordKey}, 'CREATE', NULL, s.snapshot, 1
         FROM (${snapshot}) AS s JOIN unnest($1::int[], $2::text[]) WITH ORDINALITY AS wanted(id, key, n) ON wanted.id = s.id
        ORDER BY wanted.n`,
      [ids, keys, label, apiKeyId, recordType],
    );
  });
}
