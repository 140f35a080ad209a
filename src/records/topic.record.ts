import { Topic } from "../entities/topic.entity";
import { key, localized, reference } from "./fields";
import type { RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

export const TOPIC = {
  type: "Topic",
  entity: Topic,
  name: "topic" as const,
  section: "topics",
  table: "topic",
  key: ["slug"] as const,
  keyColumn: "slug",
  fields: {
    slug: key("slug"),
    name: localized({ required: true }),
    description: localized(),
    parent: reference("topic"),
  },
  snapshot: snapshotStatement({
    table: "topic t",
    joins: "LEFT JOIN topic p ON p.id = t.parent_id",
    id: "t.id",
    object: () => "json_build_object('slug', t.slug, 'name', t.name, 'description', t.description, 'parent', p.slug)",
  }),
  dependants: [
    {
      recordType: "Topic",
      relation: "parent topic",
      find: `SELECT id, slug AS key FROM topic WHERE parent_id = $1`,
      cascade: "update",
      detach: `UPDATE topic SET parent_id = NULL WHERE parent_id = $1`,
    },
  ],
} satisfies RecordDescription;
