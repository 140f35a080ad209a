import type { EntityManager } from "typeorm";
import type { Entry } from "../records";
import type { MEMBERSHIP } from "../records/coalition.record";
import type { PartOf } from "../records/fields";
import { citationValues } from "./citations";
import type { ImportTally } from "./import-result";
import { syncOwnedRows } from "./owned-rows";
import { MEMBERSHIP_ROWS } from "./part-rows";
import type { RecordKeys } from "./record-keys";
import { writeRecords } from "./record-upsert";

/** Memberships as compared: state, role, period and citations, in the bundle's order. */
export function wantedMembers(members: PartOf<typeof MEMBERSHIP>[], keys: RecordKeys) {
  return members.map((member) => ({
    stateId: keys.id("state", member.state),
    role: member.role,
    since: member.since,
    until: member.until,
    sources: citationValues(member.sources, keys),
  }));
}

/** The bundle's coalitions; members left out of an entry stay as stored, a list given (even empty) replaces them. */
export async function upsertCoalitions(
  manager: EntityManager,
  coalitions: Entry<"Coalition">[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  await writeRecords(manager, "Coalition", coalitions, keys, tally, {
    children: (m, placed) =>
      syncOwnedRows(
        m,
        MEMBERSHIP_ROWS,
        placed.map(({ entry, id, existing }) => ({
          ownerId: id,
          isNew: existing === null,
          wanted: entry.members && wantedMembers(entry.members, keys),
        })),
      ),
  });
}
