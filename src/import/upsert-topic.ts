import type { EntityManager } from "typeorm";
import { Topic } from "../entities/topic.entity";
import type { Entry } from "../records";

import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { findStored, NO_CHILDREN, upsertRecord } from "./record-upsert";

type TopicEntry = Entry<"Topic">;

/** The bundle's topics with every parent defined in the bundle before its children (the validation ruled out cycles). */
export function parentsFirst(topics: TopicEntry[]): TopicEntry[] {
  const bySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  const ordered: TopicEntry[] = [];
  const placed = new Set<string>();
  const place = (topic: TopicEntry): void => {
    if (placed.has(topic.slug)) return;
    placed.add(topic.slug);
    const parent = typeof topic.parent === "string" ? bySlug.get(topic.parent) : undefined;
    if (parent) place(parent);
    ordered.push(topic);
  };
  for (const topic of topics) place(topic);
  return ordered;
}

export async function upsertTopic(manager: EntityManager, topic: TopicEntry, keys: RecordKeys): Promise<UpsertAction> {
  const existing = await findStored(manager, Topic, topic, { slug: topic.slug });
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
