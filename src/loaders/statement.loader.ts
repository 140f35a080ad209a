import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Statement } from "../entities/statement.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

const ORDER = "s.made_on ASC NULLS LAST, s.id";

/** The statements each official made, oldest first. */
export function createStatementsByOfficialLoader(dataSource: DataSource): DataLoader<number, Statement[]> {
  return new DataLoader((officialIds) =>
    loadGrouped(
      dataSource,
      Statement,
      `SELECT s.*, s.official_id AS ${PARENT_COLUMN} FROM statement s WHERE s.official_id = ANY($1) ORDER BY s.official_id, ${ORDER}`,
      officialIds,
    ),
  );
}

/** The statements made at each meeting, oldest first. */
export function createStatementsByMeetingLoader(dataSource: DataSource): DataLoader<number, Statement[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Statement,
      `SELECT s.*, s.meeting_id AS ${PARENT_COLUMN} FROM statement s WHERE s.meeting_id = ANY($1) ORDER BY s.meeting_id, ${ORDER}`,
      meetingIds,
    ),
  );
}
