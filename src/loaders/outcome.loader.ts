import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Outcome } from "../entities/outcome.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

/** The outcomes of each meeting, by slug. */
export function createOutcomesByMeetingLoader(dataSource: DataSource): DataLoader<number, Outcome[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Outcome,
      `SELECT o.*, o.meeting_id AS ${PARENT_COLUMN} FROM outcome o WHERE o.meeting_id = ANY($1) ORDER BY o.meeting_id, o.slug`,
      meetingIds,
    ),
  );
}
