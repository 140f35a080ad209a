import { Statement } from "../entities/statement.entity";
import { CITATION, citationsOf } from "./citation.part";
import { date, language, parts, reference, TEXT_MAX, text } from "./fields";
import type { RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

/** Words an official said; identified by its official and text (the unique index `statement_natural_key`). */
export const STATEMENT = {
  type: "Statement",
  entity: Statement,
  name: "statement" as const,
  section: "statements",
  table: "statement",
  key: ["official", "text"] as const,
  keyColumn: null,
  fields: {
    official: reference("official", { required: true }),
    text: text({ max: TEXT_MAX, required: true }),
    meeting: reference("meeting"),
    lang: language(),
    madeOn: date(),
    source: reference("source"),
    sources: parts(CITATION, { bare: "source" }),
  },
  keyTaken: "this official already has a statement with this text",
  snapshot: snapshotStatement({
    table: "statement s",
    joins:
      "JOIN official o ON o.id = s.official_id LEFT JOIN meeting m ON m.id = s.meeting_id LEFT JOIN source so ON so.id = s.source_id",
    id: "s.id",
    object: (list) => `json_build_object('official', o.slug, 'meeting', m.slug, 'text', s.text, 'lang', s.lang,
      'madeOn', s.made_on, 'source', so.slug, 'sources', ${list(citationsOf("statement_id"))})`,
  }),
  dependants: [],
} satisfies RecordDescription;
