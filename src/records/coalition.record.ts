import { Coalition } from "../entities/coalition.entity";
import { MembershipRole } from "../entities/enums";
import { CITATION, checkPeriod, citationsOf } from "./citation.part";
import { date, enumWithDefault, key, localized, type PartShape, parts, reference } from "./fields";
import type { RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

/** A state's membership of a coalition over a period. */
export const MEMBERSHIP = {
  name: "Membership",
  fields: {
    state: reference("state", { required: true }),
    role: enumWithDefault(MembershipRole, MembershipRole.MEMBER),
    since: date(),
    until: date(),
    sources: parts(CITATION, { bare: "source" }),
  },
  check: checkPeriod,
  stored: { table: "membership", ownerColumn: "coalition_id" },
} satisfies PartShape;

export const COALITION = {
  type: "Coalition",
  entity: Coalition,
  name: "coalition" as const,
  section: "coalitions",
  table: "coalition",
  key: ["slug"] as const,
  keyColumn: "slug",
  fields: {
    slug: key("slug"),
    name: localized({ required: true }),
    description: localized(),
    foundedOn: date(),
    members: parts(MEMBERSHIP),
  },
  snapshot: snapshotStatement({
    table: "coalition c",
    id: "c.id",
    object: (list) => `json_build_object('slug', c.slug, 'name', c.name, 'description', c.description, 'foundedOn', c.founded_on,
      'members', ${list({
        table: "membership m",
        joins: "JOIN state st ON st.id = m.state_id",
        id: "m.id",
        owner: "m.coalition_id",
        order: "st.code, m.since NULLS FIRST, m.id",
        object: (list) => `json_build_object('state', st.code, 'role', m.role, 'since', m.since, 'until', m.until,
          'sources', ${list(citationsOf("membership_id"))})`,
      })})`,
  }),
  dependants: [
    {
      recordType: "Meeting",
      relation: "coalition",
      find: `SELECT id, slug AS key FROM meeting WHERE coalition_id = $1`,
      cascade: "update",
      detach: `UPDATE meeting SET coalition_id = NULL WHERE coalition_id = $1`,
    },
  ],
} satisfies RecordDescription;
