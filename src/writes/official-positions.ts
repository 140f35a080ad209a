import { Official } from "../entities/official.entity";
import type { PositionInput } from "../schema/position.input";
import { insertPosition, preparePositions } from "./positions";
import { changeRecord, inputProblems } from "./record-write";
import { References } from "./references";
import { findPart } from "./sub-record";
import { bumpVersion } from "./versioned-record";
import type { WriteContext } from "./write-context";

/** `addPosition`: one more post of an official (the official's version goes up). */
export async function addPosition(
  context: WriteContext,
  official: string,
  input: PositionInput,
  expectedVersion?: number | null,
): Promise<Official> {
  const { manager } = context;
  const references = new References(manager);
  const problems = await inputProblems(input);
  const { id } = await changeRecord(context, "Official", official, expectedVersion, {
    problems,
    check: async () => {
      preparePositions([input], "input", references, problems);
      await references.load(problems);
      // preparePositions locates items in a list; a single input sits at `input` itself.
      for (const problem of problems.list) problem.path = problem.path.replace(/^input\[0\]/, "input");
    },
    apply: async (record) => {
      await insertPosition(manager, references, record.id, input);
      await bumpVersion(manager, "Official", record.id);
    },
  });
  return manager.findOneByOrFail(Official, { id });
}

/** `endPosition`: sets the day an official left a post. */
export async function endPosition(
  context: WriteContext,
  position: string,
  until: string,
  expectedVersion?: number | null,
): Promise<Official> {
  const { manager } = context;
  const part = await findPart(manager, position, ["Position"], "position");
  const { id } = await changeRecord(context, "Official", part.ownerId, expectedVersion, {
    check: async (_record, problems) => {
      const rows: { since: string | null }[] = await manager.query(`SELECT since::text AS since FROM position WHERE id = $1`, [
        part.id,
      ]);
      const since = rows[0]?.since;
      if (since && until < since) problems.add("until", `must not be before the official took the post (${since})`);
    },
    apply: async (record) => {
      await manager.query(`UPDATE position SET until = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        part.id,
        until,
      ]);
      await bumpVersion(manager, "Official", record.id);
    },
  });
  return manager.findOneByOrFail(Official, { id });
}

/** `removePosition`: deletes a position recorded in error (its citations go with it). */
export async function removePosition(
  context: WriteContext,
  position: string,
  expectedVersion?: number | null,
): Promise<Official> {
  const { manager } = context;
  const part = await findPart(manager, position, ["Position"], "position");
  const { id } = await changeRecord(context, "Official", part.ownerId, expectedVersion, {
    apply: async (record) => {
      await manager.query(`DELETE FROM position WHERE id = $1`, [part.id]);
      await bumpVersion(manager, "Official", record.id);
    },
  });
  return manager.findOneByOrFail(Official, { id });
}
