import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Official } from "../entities/official.entity";
import { Participant } from "../entities/participant.entity";
import { State } from "../entities/state.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";
import type { RecordLoaders } from "./record.loader";

/**
 * The participants of each meeting, hosts and chairs first, then in the order they were recorded. Their officials and
 * represented states come in the same statement and are primed into the record loaders.
 */
export function createParticipantsByMeetingLoader(
  dataSource: DataSource,
  records: RecordLoaders,
): DataLoader<number, Participant[]> {
  return new DataLoader((meetingIds) =>
    loadGrouped(
      dataSource,
      Participant,
      `SELECT p.*, p.meeting_id AS ${PARENT_COLUMN},
         (SELECT to_jsonb(o.*) FROM official o WHERE o.id = p.official_id) AS __official,
         (SELECT to_jsonb(s.*) FROM state s WHERE s.id = p.representing_state_id) AS __state
       FROM participant p WHERE p.meeting_id = ANY($1)
       ORDER BY p.meeting_id, CASE p.role WHEN 'HOST' THEN 0 WHEN 'CHAIR' THEN 1 ELSE 2 END, p.id`,
      meetingIds,
      [],
      [
        { column: "__official", target: Official, loader: records.byId(Official) },
        { column: "__state", target: State, loader: records.byId(State) },
      ],
    ),
  );
}
