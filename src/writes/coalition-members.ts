import { Coalition } from "../entities/coalition.entity";
import type { MembershipInput } from "../schema/membership.input";
import { insertMembership, prepareMemberships } from "./memberships";
import { changeRecord, inputProblems } from "./record-write";
import { References } from "./references";
import { findPart } from "./sub-record";
import { bumpVersion } from "./versioned-record";
import type { WriteContext } from "./write-context";

/** `addMembership`: one more membership of a coalition (the coalition's version goes up). */
export async function addMembership(
  context: WriteContext,
  coalition: string,
  input: MembershipInput,
  expectedVersion?: number | null,
): Promise<Coalition> {
  const { manager } = context;
  const references = new References(manager);
  const problems = await inputProblems(input);
  const { id } = await changeRecord(context, "Coalition", coalition, expectedVersion, {
    problems,
    check: async () => {
      prepareMemberships([input], "input", references, problems);
      await references.load(problems);
      // prepareMemberships locates items in a list; a single input sits at `input` itself.
      for (const problem of problems.list) problem.path = problem.path.replace(/^input\[0\]/, "input");
    },
    apply: async (record) => {
      await insertMembership(manager, references, record.id, input);
      await bumpVersion(manager, "Coalition", record.id);
    },
  });
  return manager.findOneByOrFail(Coalition, { id });
}

/** `endMembership`: sets the day a membership ended. */
export async function endMembership(
  context: WriteContext,
  membership: string,
  until: string,
  expectedVersion?: number | null,
): Promise<Coalition> {
  const { manager } = context;
  const part = await findPart(manager, membership, ["Membership"], "membership");
  const { id } = await changeRecord(context, "Coalition", part.ownerId, expectedVersion, {
    check: async (_record, problems) => {
      const rows: { since: string | null }[] = await manager.query(`SELECT since::text AS since FROM membership WHERE id = $1`, [
        part.id,
      ]);
      const since = rows[0]?.since;
      if (since && until < since) problems.add("until", `must not be before the membership began (${since})`);
    },
    apply: async (record) => {
      await manager.query(`UPDATE membership SET until = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        part.id,
        until,
      ]);
      await bumpVersion(manager, "Coalition", record.id);
    },
  });
  return manager.findOneByOrFail(Coalition, { id });
}

/** `removeMembership`: deletes a membership recorded in error (its citations go with it). */
export async function removeMembership(
  context: WriteContext,
  membership: string,
  expectedVersion?: number | null,
): Promise<Coalition> {
  const { manager } = context;
  const part = await findPart(manager, membership, ["Membership"], "membership");
  const { id } = await changeRecord(context, "Coalition", part.ownerId, expectedVersion, {
    apply: async (record) => {
      await manager.query(`DELETE FROM membership WHERE id = $1`, [part.id]);
      await bumpVersion(manager, "Coalition", record.id);
    },
  });
  return manager.findOneByOrFail(Coalition, { id });
}
