import type { EntityManager } from "typeorm";
import type { Entry } from "../records";
import type { PartOf } from "../records/fields";
import type { POSITION } from "../records/official.record";
import { citationValues } from "./citations";
import type { ImportTally } from "./import-result";
import { syncOwnedRows } from "./owned-rows";
import { POSITION_ROWS } from "./part-rows";
import type { RecordKeys } from "./record-keys";
import { writeRecords } from "./record-upsert";

/** Positions as compared: title, organisation, state, period and citations, in the bundle's order. */
export function wantedPositions(positions: PartOf<typeof POSITION>[], keys: RecordKeys) {
  return positions.map((position) => ({
    title: position.title,
    organization: position.organization,
    stateId: keys.optionalId("state", position.state),
    since: position.since,
    until: position.until,
    sources: citationValues(position.sources, keys),
  }));
}

/** The bundle's officials; positions left out of an entry stay as stored, a list given (even empty) replaces them. */
export async function upsertOfficials(
  manager: EntityManager,
  officials: Entry<"Official">[],
  keys: RecordKeys,
  tally: ImportTally,
): Promise<void> {
  await writeRecords(manager, "Official", officials, keys, tally, {
    children: (m, placed) =>
      syncOwnedRows(
        m,
        POSITION_ROWS,
        placed.map(({ entry, id, existing }) => ({
          ownerId: id,
          isNew: existing === null,
          wanted: entry.positions && wantedPositions(entry.positions, keys),
        })),
      ),
  });
}
