import type { DataSource } from "typeorm";
import { Membership } from "../entities/membership.entity";
import { asOfCondition } from "./as-of";
import { loadGrouped, PARENT_COLUMN } from "./grouped-rows";
import { LoaderFamily } from "./loader-family";

/** `asOf` or null for every membership ever held. */
export type AsOf = string | null;

function membershipsBy(
  dataSource: DataSource,
  parentColumn: "coalition_id" | "state_id",
): LoaderFamily<AsOf, number, Membership[]> {
  return new LoaderFamily<AsOf, number, Membership[]>((asOf, parentIds) => {
    const period = asOf === null ? "" : `AND ${asOfCondition("ms", "$2")}`;
    return loadGrouped(
      dataSource,
      Membership,
      `SELECT ms.*, ms.${parentColumn} AS ${PARENT_COLUMN} FROM membership ms
       WHERE ms.${parentColumn} = ANY($1) ${period}
       ORDER BY ms.${parentColumn}, ms.since ASC NULLS FIRST, ms.id`,
      parentIds,
      asOf === null ? [] : [asOf],
    );
  });
}

/** The memberships of each coalition (held on `asOf` when given). */
export function createMembershipsByCoalitionLoader(dataSource: DataSource): LoaderFamily<AsOf, number, Membership[]> {
  return membershipsBy(dataSource, "coalition_id");
}

/** The coalition memberships of each state (held on `asOf` when given). */
export function createMembershipsByStateLoader(dataSource: DataSource): LoaderFamily<AsOf, number, Membership[]> {
  return membershipsBy(dataSource, "state_id");
}
