import type { Entry } from "../records";

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
