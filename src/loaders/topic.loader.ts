import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Topic } from "../entities/topic.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

/** The topics a meeting was tagged with, by slug. */
export function createTopicsByMeetingLoader(dataSource: DataSource): DataLoader<number, Topic[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Topic,
      `SELECT t.*, mt.meeting_id AS ${PARENT_COLUMN} FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id
       WHERE mt.meeting_id = ANY($1) ORDER BY mt.meeting_id, t.slug`,
      meetingIds,
    ),
  );
}

/** The topics an outcome concerns, by slug. */
export function createTopicsByOutcomeLoader(dataSource: DataSource): DataLoader<number, Topic[]> {
  return new DataLoader((outcomeIds) =>
    loadGrouped(
      dataSource,
      Topic,
      `SELECT t.*, ot.outcome_id AS ${PARENT_COLUMN} FROM outcome_topic ot JOIN topic t ON t.id = ot.topic_id
       WHERE ot.outcome_id = ANY($1) ORDER BY ot.outcome_id, t.slug`,
      outcomeIds,
    ),
  );
}

/** The direct children of each topic, by slug. */
export function createTopicChildrenLoader(dataSource: DataSource): DataLoader<number, Topic[]> {
  return new DataLoader((topicIds) =>
    loadGrouped(
      dataSource,
      Topic,
      `SELECT t.*, t.parent_id AS ${PARENT_COLUMN} FROM topic t WHERE t.parent_id = ANY($1) ORDER BY t.parent_id, t.slug`,
      topicIds,
    ),
  );
}

/** Each topic's ancestors, the root first and the direct parent last (one recursive query for the batch). */
export function createTopicAncestorsLoader(dataSource: DataSource): DataLoader<number, Topic[]> {
  return new DataLoader((topicIds) =>
    loadGrouped(
      dataSource,
      Topic,
      `WITH RECURSIVE up(start_id, ancestor_id, depth) AS (
         SELECT t.id, t.parent_id, 1 FROM topic t WHERE t.id = ANY($1) AND t.parent_id IS NOT NULL
         UNION ALL
         SELECT up.start_id, t.parent_id, up.depth + 1 FROM up JOIN topic t ON t.id = up.ancestor_id
         WHERE t.parent_id IS NOT NULL AND up.depth < 100
       )
       SELECT t.*, up.start_id AS ${PARENT_COLUMN} FROM up JOIN topic t ON t.id = up.ancestor_id
       ORDER BY up.start_id, up.depth DESC`,
      topicIds,
    ),
  );
}
