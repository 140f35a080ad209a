import { Meeting } from "../entities/meeting.entity";
import { State } from "../entities/state.entity";
import type { MeetingOrder } from "../schema/meeting-order.input";
import { meetingKeysetOrder } from "./meeting-order";
import type { Projection } from "./projection/selection-projection";
import type { CountAllChildren, ParentCondition, RecordList } from "./record-page";

/**
 * The meetings list in the order asked, rows aliased `m` (the alias MeetingFilter is compiled against); with a
 * projection, its nodes are the client's selection built in SQL (see RecordList.projection).
 */
export function meetingList(orderBy: MeetingOrder | null | undefined, projection: Projection | null = null): RecordList<Meeting> {
  return {
    target: Meeting,
    alias: "m",
    orderFor: meetingKeysetOrder(orderBy),
    projection,
    // The location country comes with the page, so `location { country }` costs no statement of its own.
    embeds: [
      {
        column: "__location_country",
        target: State,
        sql: (alias) => `(SELECT to_jsonb(s.*) FROM state s WHERE s.id = ${alias}.location_country_id)`,
      },
    ],
  };
}

/** The parents a nested meetings connection can hang from, with how a meeting belongs to each. */
export type MeetingParent = "coalition" | "state" | "official";

export interface MeetingParentLink {
  belongsTo: ParentCondition;
  /** Counting a state's or official's meetings from the participant index alone beats a semi-join over every meeting. */
  countAll?: CountAllChildren;
}

export const MEETING_PARENTS: Record<MeetingParent, MeetingParentLink> = {
  coalition: { belongsTo: (alias, parentId) => `${alias}.coalition_id = ${parentId}` },
  /** A participant represented the state. */
  state: {
    belongsTo: (alias, parentId) =>
      `EXISTS (SELECT 1 FROM participant pt WHERE pt.meeting_id = ${alias}.id AND pt.representing_state_id = ${parentId})`,
    countAll: (parentId) =>
      `SELECT count(DISTINCT pt.meeting_id) FROM participant pt WHERE pt.representing_state_id = ${parentId}`,
  },
  /** The official took part. */
  official: {
    belongsTo: (alias, parentId) =>
      `EXISTS (SELECT 1 FROM participant pt WHERE pt.meeting_id = ${alias}.id AND pt.official_id = ${parentId})`,
    countAll: (parentId) => `SELECT count(*) FROM participant pt WHERE pt.official_id = ${parentId}`,
  },
};
