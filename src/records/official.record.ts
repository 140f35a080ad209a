import { Official } from "../entities/official.entity";
import { CITATION, checkPeriod, citationsOf } from "./citation.part";
import { date, key, localized, type PartShape, parts, reference } from "./fields";
import type { RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

/** An official's post over a period. */
export const POSITION = {
  name: "Position",
  fields: {
    title: localized({ required: true }),
    organization: localized(),
    state: reference("state"),
    since: date(),
    until: date(),
    sources: parts(CITATION, { bare: "source" }),
  },
  check: checkPeriod,
  stored: { table: "position", ownerColumn: "official_id" },
} satisfies PartShape;

export const OFFICIAL = {
  type: "Official",
  entity: Official,
  name: "official" as const,
  section: "officials",
  table: "official",
  key: ["slug"] as const,
  keyColumn: "slug",
  fields: {
    slug: key("slug"),
    name: localized({ required: true }),
    positions: parts(POSITION),
  },
  snapshot: snapshotStatement({
    table: "official o",
    id: "o.id",
    object: (list) =>
      `json_build_object('slug', o.slug, 'name', o.name, 'positions', ${list({
        table: "position p",
        joins: "LEFT JOIN state st ON st.id = p.state_id",
        id: "p.id",
        owner: "p.official_id",
        order: "p.since NULLS FIRST, p.id",
        object: (list) => `json_build_object('title', p.title, 'organization', p.organization, 'state', st.code,
          'since', p.since, 'until', p.until, 'sources', ${list(citationsOf("position_id"))})`,
      })})`,
  }),
  dependants: [
    {
      recordType: "Statement",
      relation: "speaker",
      find: `SELECT id, NULL AS key FROM statement WHERE official_id = $1`,
      cascade: "delete",
    },
    {
      recordType: "Meeting",
      relation: "participant",
      find: `SELECT m.id, m.slug AS key FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.official_id = $1`,
      cascade: "update",
      detach: `DELETE FROM participant WHERE official_id = $1`,
    },
  ],
} satisfies RecordDescription;
