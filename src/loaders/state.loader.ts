import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { State } from "../entities/state.entity";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";

/** The states party to each outcome, by code. */
export function createPartiesByOutcomeLoader(dataSource: DataSource): DataLoader<number, State[]> {
  return new DataLoader((outcomeIds) =>
    loadGrouped(
      dataSource,
      State,
      `SELECT st.*, op.outcome_id AS ${PARENT_COLUMN} FROM outcome_party op JOIN state st ON st.id = op.state_id
       WHERE op.outcome_id = ANY($1) ORDER BY op.outcome_id, st.code`,
      outcomeIds,
    ),
  );
}
