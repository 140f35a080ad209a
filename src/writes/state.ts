import { State } from "../entities/state.entity";
import type { CreateStateInput, UpdateStateInput } from "../schema/state.input";
import { toLocalizedText } from "./localized-text";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

export async function createState(context: WriteContext, input: CreateStateInput): Promise<State> {
  const problems = await inputProblems(input);
  await checkKeyFree(context.manager, "State", input.code, "input.code", problems);
  problems.throwIfAny();
  const id = await insertRow(context.manager, "state", { code: input.code, name: toLocalizedText(input.name) });
  await recordCreation(context, "State", id);
  return context.manager.findOneByOrFail(State, { id });
}

export async function updateState(
  context: WriteContext,
  code: string,
  input: UpdateStateInput,
  expectedVersion: number,
): Promise<State> {
  const { id } = await changeRecord(context, "State", code, expectedVersion, {
    problems: await inputProblems(input),
    check: (record, problems) => checkKeyFree(context.manager, "State", input.code, "input.code", problems, record.id),
    apply: (record) => updateRow(context.manager, "state", record.id, { code: input.code, name: toLocalizedText(input.name) }),
  });
  return context.manager.findOneByOrFail(State, { id });
}
