import type { DataSource } from "typeorm";
import { Official } from "../entities/official.entity";
import { Position } from "../entities/position.entity";
import { State } from "../entities/state.entity";
import { asOfCondition } from "./as-of";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";
import { LoaderFamily } from "./loader-family";
import type { AsOf } from "./membership.loader";
import type { RecordLoaders } from "./record.loader";

/** The posts of each official (held on `asOf` when given), earliest first, with their states in the same statement. */
export function createPositionsByOfficialLoader(
  dataSource: DataSource,
  records: RecordLoaders,
): LoaderFamily<AsOf, number, Position[]> {
  return new LoaderFamily<AsOf, number, Position[]>((asOf, officialIds) =>
    loadGrouped(
      dataSource,
      Position,
      `SELECT p.*, p.official_id AS ${PARENT_COLUMN}, (SELECT to_jsonb(st.*) FROM state st WHERE st.id = p.state_id) AS __state
       FROM position p WHERE p.official_id = ANY($1) ${asOf === null ? "" : `AND ${asOfCondition("p", "$2")}`}
       ORDER BY p.official_id, p.since ASC NULLS FIRST, p.id`,
      officialIds,
      asOf === null ? [] : [asOf],
      [{ column: "__state", target: State, loader: records.byId(State) }],
    ),
  );
}

/** The officials who held a post for each state (on `asOf` when given), by slug, each once. */
export function createOfficialsByStateLoader(dataSource: DataSource): LoaderFamily<AsOf, number, Official[]> {
  return new LoaderFamily<AsOf, number, Official[]>((asOf, stateIds) =>
    loadGrouped(
      dataSource,
      Official,
      `SELECT o.*, held.state_id AS ${PARENT_COLUMN}
       FROM (SELECT DISTINCT p.state_id, p.official_id FROM position p
             WHERE p.state_id = ANY($1) ${asOf === null ? "" : `AND ${asOfCondition("p", "$2")}`}) held
       JOIN official o ON o.id = held.official_id
       ORDER BY held.state_id, o.slug`,
      stateIds,
      asOf === null ? [] : [asOf],
    ),
  );
}
