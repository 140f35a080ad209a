import type { EntityManager } from "typeorm";
import { Topic } from "../entities/topic.entity";
import type { TopicInput } from "./bundle-types";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { NO_CHILDREN, upsertRecord } from "./record-upsert";

/** The bundle's topics with every parent defined in the bundle before its children (the validation ruled out cycles). */
export function parentsFirst(topics: TopicInput[]): TopicInput[] {
  const bySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  const ordered: TopicInput[] = [];
  const placed = new Set<string>();
  const place = (topic: TopicInput): void => {
    if (placed.has(topic.slug)) return;
    placed.add(topic.slug);
    const parent = typeof topic.parent === "string" ? bySlug.get(topic.parent) : undefined;
    if (parent) place(parent);
    ordered.push(topic);
  };
  for (const topic of topics) place(topic);
  return ordered;
}

export async function upsertTopic(manager: EntityManager, topic: TopicInput, keys: RecordKeys): Promise<UpsertAction> {
  const existing = await manager.findOneBy(Topic, { slug: topic.slug });
  const values = {
    slug: topic.slug,
    name: topic.name,
    description: topic.description,
    parentId: keys.presentId("topic", topic.parent),
  };
  const { id, action } = await upsertRecord(manager, Topic, existing, values, NO_CHILDREN);
  keys.set("topic", topic.slug, id);
  return action;
}
