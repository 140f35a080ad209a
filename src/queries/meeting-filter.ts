import type { DataSource } from "typeorm";
import type { MeetingFilter } from "../schema/meeting-filter.input";
import type { SqlParams } from "./sql-params";

/**
 * STUB (owned by the filters engineer). Compiles a MeetingFilter into one boolean SQL expression over the
 * meeting row aliased `alias` (e.g. "m"), binding every value through `params`. Returns "TRUE" for no filter.
 * Throws BAD_USER_INPUT naming unknown slugs/codes (it may run one lookup query for that).
 */
export async function compileMeetingFilter(
  _dataSource: DataSource,
  filter: MeetingFilter | null | undefined,
  _alias: string,
  _params: SqlParams,
): Promise<string> {
  if (!filter) return "TRUE";
  return "TRUE";
}
