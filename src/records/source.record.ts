import { SourceKind } from "../entities/enums";
import { Source } from "../entities/source.entity";
import { dateTime, enumOf, key, language, localized, text, url } from "./fields";
import type { DependantRule, RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

const citingRule = (recordType: string, relation: string, find: string, column: string): DependantRule => ({
  recordType,
  relation,
  find,
  cascade: "update",
  detach: `DELETE FROM citation WHERE source_id = $1 AND ${column} IS NOT NULL`,
});

export const SOURCE = {
  type: "Source",
  entity: Source,
  name: "source" as const,
  section: "sources",
  table: "source",
  key: ["slug"] as const,
  keyColumn: "slug",
  fields: {
    slug: key("slug"),
    kind: enumOf(SourceKind, { required: true }),
    title: localized({ required: true }),
    publisher: text({ max: 500 }),
    url: url({ max: 2000 }),
    language: language(),
    publishedAt: dateTime(),
  },
  snapshot: snapshotStatement({
    table: "source s",
    id: "s.id",
    object: () => `json_build_object('slug', s.slug, 'kind', s.kind, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
      'language', s.language, 'publishedAt', to_char(s.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
  }),
  dependants: [
    citingRule(
      "Coalition",
      "membership citation",
      `SELECT DISTINCT c.id, c.slug AS key FROM citation ci JOIN membership m ON m.id = ci.membership_id
       JOIN coalition c ON c.id = m.coalition_id WHERE ci.source_id = $1`,
      "membership_id",
    ),
    citingRule(
      "Official",
      "position citation",
      `SELECT DISTINCT o.id, o.slug AS key FROM citation ci JOIN position p ON p.id = ci.position_id
       JOIN official o ON o.id = p.official_id WHERE ci.source_id = $1`,
      "position_id",
    ),
    citingRule(
      "Meeting",
      "citation",
      `SELECT DISTINCT m.id, m.slug AS key FROM citation ci JOIN meeting m ON m.id = ci.meeting_id WHERE ci.source_id = $1`,
      "meeting_id",
    ),
    citingRule(
      "Outcome",
      "citation",
      `SELECT DISTINCT o.id, o.slug AS key FROM citation ci JOIN outcome o ON o.id = ci.outcome_id WHERE ci.source_id = $1`,
      "outcome_id",
    ),
    citingRule(
      "Statement",
      "citation",
      `SELECT DISTINCT ci.statement_id AS id, NULL AS key FROM citation ci WHERE ci.source_id = $1 AND ci.statement_id IS NOT NULL`,
      "statement_id",
    ),
    {
      recordType: "Statement",
      relation: "reporting source",
      find: `SELECT id, NULL AS key FROM statement WHERE source_id = $1`,
      cascade: "update",
      detach: `UPDATE statement SET source_id = NULL WHERE source_id = $1`,
    },
  ],
} satisfies RecordDescription;
