import { Meeting } from "../entities/meeting.entity";
import { State } from "../entities/state.entity";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import type { MeetingOrder } from "../schema/meeting-order.input";
import { topicTreeIds } from "./filter-keys";
import type { CompiledFilter } from "./filter-logic";
import { onlyTopicsOf } from "./meeting-filter";
import { meetingKeysetOrder } from "./meeting-order";
import type { Projection } from "./projection/selection-projection";
import type { CountChildren, ParentCondition, RecordList } from "./record-page";
import type { SqlParams } from "./sql-params";

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
  countAll?: CountChildren;
  /**
   * Counting the meetings on some topics (SQL `int[]` `topicIds`) from the topic links alone: `meeting_topic` keeps
   * a copy of its meeting's coalition (migration MeetingTopicCoalition), so a coalition's count reads only the
   * matching entries of one index.
   */
  countOnTopics?: (parentId: string, topicIds: string) => string;
}

export const MEETING_PARENTS: Record<MeetingParent, MeetingParentLink> = {
  coalition: {
    belongsTo: (alias, parentId) => `${alias}.coalition_id = ${parentId}`,
    countOnTopics: (parentId, topicIds) =>
      `SELECT count(DISTINCT mt.meeting_id) FROM meeting_topic mt WHERE mt.coalition_id = ${parentId} AND mt.topic_id = ANY(${topicIds})`,
  },
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

/**
 * The count of a parent's meetings matching `filter` (compiled as `compiled`) from one index alone, when the parent
 * has one for this filter; undefined for the general count. Binds what it needs in `params`, so call it only when
 * the statement counts.
 */
export function indexCount(
  parent: MeetingParent,
  filter: MeetingFilter | null | undefined,
  compiled: CompiledFilter,
  params: SqlParams,
): CountChildren | undefined {
  const { countAll, countOnTopics } = MEETING_PARENTS[parent];
  if (compiled.sql === "TRUE") return countAll;
  const topics = onlyTopicsOf(filter);
  if (!topics || !countOnTopics) return undefined;
  const topicIds = topicTreeIds(topics, params);
  return (parentId) => countOnTopics(parentId, topicIds);
}
