import { POSITION_ROWS } from "../import/part-rows";
import { wantedPositions } from "../import/upsert-official";
import { POSITION } from "../records/official.record";
import type { PositionInput } from "../schema/position.input";
import { readPartInput } from "./part-input";
import { changeRecord, loadRecord } from "./record-write";
import { findPart } from "./sub-record";
import type { WriteContext } from "./write-context";

/** `addPosition`: one more post of an official (the official's version goes up). */
export async function addPosition(
  context: WriteContext,
  official: string,
  input: PositionInput,
  expectedVersion?: number | null,
) {
  const { manager } = context;
  let wanted: ReturnType<typeof wantedPositions> = [];
  const { id } = await changeRecord(context, "Official", official, expectedVersion, {
    check: async (_record, reader) => {
      const read = await readPartInput(manager, reader, POSITION, input);
      if (read) wanted = wantedPositions([read.part], read.keys);
    },
    apply: (record) =>
      POSITION_ROWS.insert(
        manager,
        wanted.map((value) => ({ ownerId: record.id, value })),
      ),
  });
  return loadRecord(manager, "Official", id);
}

/** `endPosition`: sets the day an official left a post. */
export async function endPosition(context: WriteContext, position: string, until: string, expectedVersion?: number | null) {
  const { manager } = context;
  const part = await findPart(manager, position, ["Position"], "position");
  const { id } = await changeRecord(context, "Official", part.ownerId, expectedVersion, {
    check: async (_record, reader) => {
      const rows: { since: string | null }[] = await manager.query(`SELECT since::text AS since FROM position WHERE id = $1`, [
        part.id,
      ]);
      const since = rows[0]?.since;
      if (since && until < since) reader.problem("until", `must not be before the official took the post (${since})`);
    },
    apply: () =>
      manager.query(`UPDATE position SET until = $2, version = version + 1, updated_at = now() WHERE id = $1`, [part.id, until]),
  });
  return loadRecord(manager, "Official", id);
}

/** `removePosition`: deletes a position recorded in error (its citations go with it). */
export async function removePosition(context: WriteContext, position: string, expectedVersion?: number | null) {
  const { manager } = context;
  const part = await findPart(manager, position, ["Position"], "position");
  const { id } = await changeRecord(context, "Official", part.ownerId, expectedVersion, {
    apply: () => manager.query(`DELETE FROM position WHERE id = $1`, [part.id]),
  });
  return loadRecord(manager, "Official", id);
}
