import { Coalition } from "../entities/coalition.entity";
import type { CreateCoalitionInput, UpdateCoalitionInput } from "../schema/coalition.input";
import { toLocalizedText } from "./localized-text";
import { insertMembership, prepareMemberships, replaceMemberships } from "./memberships";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { References } from "./references";
import { insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

export async function createCoalition(context: WriteContext, input: CreateCoalitionInput): Promise<Coalition> {
  const { manager } = context;
  const problems = await inputProblems(input);
  const references = new References(manager);
  prepareMemberships(input.members, "input.members", references, problems);
  await references.load(problems);
  await checkKeyFree(manager, "Coalition", input.slug, "input.slug", problems);
  problems.throwIfAny();
  const id = await insertRow(manager, "coalition", {
    slug: input.slug,
    name: toLocalizedText(input.name),
    description: toLocalizedText(input.description) ?? null,
    founded_on: input.foundedOn ?? null,
  });
  for (const member of input.members ?? []) await insertMembership(manager, references, id, member);
  await recordCreation(context, "Coalition", id);
  return manager.findOneByOrFail(Coalition, { id });
}

export async function updateCoalition(
  context: WriteContext,
  slug: string,
  input: UpdateCoalitionInput,
  expectedVersion: number,
): Promise<Coalition> {
  const { manager } = context;
  const references = new References(manager);
  const { id } = await changeRecord(context, "Coalition", slug, expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      prepareMemberships(input.members, "input.members", references, problems);
      await references.load(problems);
      await checkKeyFree(manager, "Coalition", input.slug, "input.slug", problems, record.id);
    },
    apply: async (record) => {
      await updateRow(manager, "coalition", record.id, {
        slug: input.slug,
        name: toLocalizedText(input.name),
        description: toLocalizedText(input.description),
        founded_on: input.foundedOn,
      });
      if (input.members !== undefined) await replaceMemberships(manager, references, record.id, input.members ?? []);
    },
  });
  return manager.findOneByOrFail(Coalition, { id });
}
