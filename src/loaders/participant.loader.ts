import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Participant } from "../entities/participant.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

/** The participants of each meeting, hosts and chairs first, then in the order they were recorded. */
export function createParticipantsByMeetingLoader(dataSource: DataSource): DataLoader<number, Participant[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Participant,
      `SELECT p.*, p.meeting_id AS ${PARENT_COLUMN} FROM participant p WHERE p.meeting_id = ANY($1)
       ORDER BY p.meeting_id, CASE p.role WHEN 'HOST' THEN 0 WHEN 'CHAIR' THEN 1 ELSE 2 END, p.id`,
      meetingIds,
    ),
  );
}
