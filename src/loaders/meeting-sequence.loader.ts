import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Meeting } from "../entities/meeting.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

const CHRONOLOGICAL = "m.date ASC NULLS LAST, m.slug ASC";

/** The meetings each meeting follows up on, oldest first. */
export function createPrecededByLoader(dataSource: DataSource): DataLoader<number, Meeting[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Meeting,
      `SELECT m.*, s.meeting_id AS ${PARENT_COLUMN} FROM meeting_sequence s JOIN meeting m ON m.id = s.preceded_by_id
       WHERE s.meeting_id = ANY($1) ORDER BY s.meeting_id, ${CHRONOLOGICAL}`,
      meetingIds,
    ),
  );
}

/** The meetings that follow up on each meeting, oldest first. */
export function createFollowUpsLoader(dataSource: DataSource): DataLoader<number, Meeting[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Meeting,
      `SELECT m.*, s.preceded_by_id AS ${PARENT_COLUMN} FROM meeting_sequence s JOIN meeting m ON m.id = s.meeting_id
       WHERE s.preceded_by_id = ANY($1) ORDER BY s.preceded_by_id, ${CHRONOLOGICAL}`,
      meetingIds,
    ),
  );
}
