import { Official } from "../entities/official.entity";
import type { CreateOfficialInput, UpdateOfficialInput } from "../schema/official.input";
import { toLocalizedText } from "./localized-text";
import { insertPosition, preparePositions, replacePositions } from "./positions";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { References } from "./references";
import { insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

export async function createOfficial(context: WriteContext, input: CreateOfficialInput): Promise<Official> {
  const { manager } = context;
  const problems = await inputProblems(input);
  const references = new References(manager);
  preparePositions(input.positions, "input.positions", references, problems);
  await references.load(problems);
  await checkKeyFree(manager, "Official", input.slug, "input.slug", problems);
  problems.throwIfAny();
  const id = await insertRow(manager, "official", { slug: input.slug, name: toLocalizedText(input.name) });
  for (const position of input.positions ?? []) await insertPosition(manager, references, id, position);
  await recordCreation(context, "Official", id);
  return manager.findOneByOrFail(Official, { id });
}

export async function updateOfficial(
  context: WriteContext,
  slug: string,
  input: UpdateOfficialInput,
  expectedVersion: number,
): Promise<Official> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Official", slug, expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      preparePositions(input.positions, "input.positions", references, problems);
      await references.load(problems);
      await checkKeyFree(manager, "Official", input.slug, "input.slug", problems, record.id);
    },
    apply: async (record) => {
      await updateRow(manager, "official", record.id, { slug: input.slug, name: toLocalizedText(input.name) });
      if (input.positions !== undefined) await replacePositions(manager, references, record.id, input.positions ?? []);
    },
  });
  return manager.findOneByOrFail(Official, { id });
}
