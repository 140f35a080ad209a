import { MEMBERSHIP_ROWS } from "../import/part-rows";
import { wantedMembers } from "../import/upsert-coalition";
import { MEMBERSHIP } from "../records/coalition.record";
import type { MembershipInput } from "../schema/membership.input";
import { readPartInput } from "./part-input";
import { changeRecord, loadRecord } from "./record-write";
import { findPart } from "./sub-record";
import type { WriteContext } from "./write-context";

/** `addMembership`: one more membership of a coalition (the coalition's version goes up). */
export async function addMembership(
  context: WriteContext,
  coalition: string,
  input: MembershipInput,
  expectedVersion?: number | null,
) {
  const { manager } = context;
  let wanted: ReturnType<typeof wantedMembers> = [];
  const { id } = await changeRecord(context, "Coalition", coalition, expectedVersion, {
    check: async (_record, reader) => {
      const read = await readPartInput(manager, reader, MEMBERSHIP, input);
      if (read) wanted = wantedMembers([read.part], read.keys);
    },
    apply: (record) =>
      MEMBERSHIP_ROWS.insert(
        manager,
        wanted.map((value) => ({ ownerId: record.id, value })),
      ),
  });
  return loadRecord(manager, "Coalition", id);
}

/** `endMembership`: sets the day a membership ended. */
export async function endMembership(context: WriteContext, membership: string, until: string, expectedVersion?: number | null) {
  const { manager } = context;
  const part = await findPart(manager, membership, ["Membership"], "membership");
  const { id } = await changeRecord(context, "Coalition", part.ownerId, expectedVersion, {
    check: async (_record, reader) => {
      const rows: { since: string | null }[] = await manager.query(`SELECT since::text AS since FROM membership WHERE id = $1`, [
        part.id,
      ]);
      const since = rows[0]?.since;
      if (since && until < since) reader.problem("until", `must not be before the membership began (${since})`);
    },
    apply: () =>
      manager.query(`UPDATE membership SET until = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        part.id,
        until,
      ]),
  });
  return loadRecord(manager, "Coalition", id);
}

/** `removeMembership`: deletes a membership recorded in error (its citations go with it). */
export async function removeMembership(context: WriteContext, membership: string, expectedVersion?: number | null) {
  const { manager } = context;
  const part = await findPart(manager, membership, ["Membership"], "membership");
  const { id } = await changeRecord(context, "Coalition", part.ownerId, expectedVersion, {
    apply: () => manager.query(`DELETE FROM membership WHERE id = $1`, [part.id]),
  });
  return loadRecord(manager, "Coalition", id);
}
