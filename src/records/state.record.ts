import { State } from "../entities/state.entity";
import { key, localized } from "./fields";
import type { RecordDescription } from "./record-description";
import { snapshotStatement } from "./snapshot-sql";

export const STATE = {
  type: "State",
  entity: State,
  name: "state" as const,
  section: "states",
  table: "state",
  key: ["code"] as const,
  keyColumn: "code",
  fields: {
    code: key("code"),
    name: localized({ required: true }),
  },
  snapshot: snapshotStatement({
    table: "state s",
    id: "s.id",
    object: () => "json_build_object('code', s.code, 'name', s.name)",
  }),
  dependants: [
    {
      recordType: "Coalition",
      relation: "member state",
      find: `SELECT DISTINCT c.id, c.slug AS key FROM membership m JOIN coalition c ON c.id = m.coalition_id WHERE m.state_id = $1`,
      cascade: "update",
      detach: `DELETE FROM membership WHERE state_id = $1`,
    },
    {
      recordType: "Official",
      relation: "position's state",
      find: `SELECT DISTINCT o.id, o.slug AS key FROM position p JOIN official o ON o.id = p.official_id WHERE p.state_id = $1`,
      cascade: "update",
      detach: `UPDATE position SET state_id = NULL WHERE state_id = $1`,
    },
    {
      recordType: "Meeting",
      relation: "location country",
      find: `SELECT id, slug AS key FROM meeting WHERE location_country_id = $1`,
      cascade: "update",
      detach: `UPDATE meeting SET location_country_id = NULL WHERE location_country_id = $1`,
    },
    {
      recordType: "Meeting",
      relation: "participant's state",
      find: `SELECT DISTINCT m.id, m.slug AS key FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE p.representing_state_id = $1`,
      cascade: "update",
      detach: `UPDATE participant SET representing_state_id = NULL WHERE representing_state_id = $1`,
    },
  ],
} satisfies RecordDescription;
