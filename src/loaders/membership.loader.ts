import type { DataSource } from "typeorm";
import { Membership } from "../entities/membership.entity";
import { State } from "../entities/state.entity";
import { asOfCondition } from "./as-of";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";
import { LoaderFamily } from "./loader-family";
import type { RecordLoaders } from "./record.loader";

/** `asOf` or null for every membership ever held. */
export type AsOf = string | null;

function membershipsBy(
  dataSource: DataSource,
  records: RecordLoaders,
  parentColumn: "coalition_id" | "state_id",
): LoaderFamily<AsOf, number, Membership[]> {
  return new LoaderFamily<AsOf, number, Membership[]>((asOf, parentIds) => {
    const period = asOf === null ? "" : `AND ${asOfCondition("ms", "$2")}`;
    return loadGrouped(
      dataSource,
      Membership,
      `SELECT ms.*, ms.${parentColumn} AS ${PARENT_COLUMN}, (SELECT to_jsonb(st.*) FROM state st WHERE st.id = ms.state_id) AS __state
       FROM membership ms WHERE ms.${parentColumn} = ANY($1) ${period}
       ORDER BY ms.${parentColumn}, ms.since ASC NULLS FIRST, ms.id`,
      parentIds,
      asOf === null ? [] : [asOf],
      [{ column: "__state", target: State, loader: records.byId(State) }],
    );
  });
}

/** The memberships of each coalition (held on `asOf` when given), with their states in the same statement. */
export function createMembershipsByCoalitionLoader(
  dataSource: DataSource,
  records: RecordLoaders,
): LoaderFamily<AsOf, number, Membership[]> {
  return membershipsBy(dataSource, records, "coalition_id");
}

/** The coalition memberships of each state (held on `asOf` when given). */
export function createMembershipsByStateLoader(
  dataSource: DataSource,
  records: RecordLoaders,
): LoaderFamily<AsOf, number, Membership[]> {
  return membershipsBy(dataSource, records, "state_id");
}
