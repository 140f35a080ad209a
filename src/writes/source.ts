import { Source } from "../entities/source.entity";
import type { CreateSourceInput, UpdateSourceInput } from "../schema/source.input";
import { toLocalizedText } from "./localized-text";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { type ColumnValues, insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

function sourceColumns(input: CreateSourceInput | UpdateSourceInput): ColumnValues {
  return {
    slug: input.slug,
    kind: input.kind,
    title: toLocalizedText(input.title),
    publisher: input.publisher,
    url: input.url,
    language: input.language,
    published_at: input.publishedAt,
  };
}

export async function createSource(context: WriteContext, input: CreateSourceInput): Promise<Source> {
  const problems = await inputProblems(input);
  await checkKeyFree(context.manager, "Source", input.slug, "input.slug", problems);
  problems.throwIfAny();
  const id = await insertRow(context.manager, "source", sourceColumns(input));
  await recordCreation(context, "Source", id);
  return context.manager.findOneByOrFail(Source, { id });
}

export async function updateSource(
  context: WriteContext,
  slug: string,
  input: UpdateSourceInput,
  expectedVersion: number,
): Promise<Source> {
  const { id } = await changeRecord(context, "Source", slug, expectedVersion, {
    problems: await inputProblems(input),
    check: (record, problems) => checkKeyFree(context.manager, "Source", input.slug, "input.slug", problems, record.id),
    apply: (record) => updateRow(context.manager, "source", record.id, sourceColumns(input)),
  });
  return context.manager.findOneByOrFail(Source, { id });
}
