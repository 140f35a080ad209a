import type { EntityManager } from "typeorm";
import { Topic } from "../entities/topic.entity";
import type { CreateTopicInput, UpdateTopicInput } from "../schema/topic.input";
import { toLocalizedText } from "./localized-text";
import type { Problems } from "./problems";
import { changeRecord, checkKeyFree, inputProblems, recordCreation } from "./record-write";
import { References } from "./references";
import { insertRow, updateRow } from "./rows";
import type { WriteContext } from "./write-context";

/** A topic may not sit under itself or under one of its own descendants (the tree would become a cycle). */
async function checkNoCycle(manager: EntityManager, topicId: number, parentId: number | null, problems: Problems): Promise<void> {
  if (parentId === null) return;
  const rows: unknown[] = await manager.query(
    `WITH RECURSIVE subtree(id) AS (SELECT $1::int UNION SELECT t.id FROM topic t JOIN subtree s ON t.parent_id = s.id)
     SELECT 1 FROM subtree WHERE id = $2`,
    [topicId, parentId],
  );
  if (rows.length > 0) problems.add("input.parent", "would put the topic under itself or one of its descendants");
}

export async function createTopic(context: WriteContext, input: CreateTopicInput): Promise<Topic> {
  const problems = await inputProblems(input);
  const references = new References(context.manager);
  references.want("topic", input.parent, "input.parent");
  await references.load(problems);
  await checkKeyFree(context.manager, "Topic", input.slug, "input.slug", problems);
  problems.throwIfAny();
  const id = await insertRow(context.manager, "topic", {
    slug: input.slug,
    name: toLocalizedText(input.name),
    description: toLocalizedText(input.description) ?? null,
    parent_id: references.id("topic", input.parent),
  });
  await recordCreation(context, "Topic", id);
  return context.manager.findOneByOrFail(Topic, { id });
}

export async function updateTopic(
  context: WriteContext,
  slug: string,
  input: UpdateTopicInput,
  expectedVersion: number,
): Promise<Topic> {
  const references = new References(context.manager);
  const { id } = await changeRecord(context, "Topic", slug, expectedVersion, {
    problems: await inputProblems(input),
    check: async (record, problems) => {
      references.want("topic", input.parent, "input.parent");
      await references.load(problems);
      await checkKeyFree(context.manager, "Topic", input.slug, "input.slug", problems, record.id);
      if (problems.isEmpty && input.parent)
        await checkNoCycle(context.manager, record.id, references.id("topic", input.parent), problems);
    },
    apply: (record) =>
      updateRow(context.manager, "topic", record.id, {
        slug: input.slug,
        name: toLocalizedText(input.name),
        description: toLocalizedText(input.description),
        parent_id: input.parent === undefined ? undefined : references.id("topic", input.parent),
      }),
  });
  return context.manager.findOneByOrFail(Topic, { id });
}
