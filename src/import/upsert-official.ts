import type { EntityManager } from "typeorm";
import { Position } from "../entities/position.entity";
import type { Entry } from "../records";
import type { PartOf } from "../records/fields";
import type { POSITION } from "../records/official.record";
import { citationValues, loadCitations } from "./citations";
import { type CitedChildren, syncCitedChildren } from "./cited-children";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { insertRecord, upsertKeyedRecord } from "./record-upsert";

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

type PositionValues = ReturnType<typeof wantedPositions>[number];

async function storedPositions(manager: EntityManager, officialId: number): Promise<PositionValues[]> {
  const rows = await manager.find(Position, { where: { officialId }, order: { id: "ASC" } });
  const citations = await loadCitations(
    manager,
    "positionId",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    title: row.title,
    organization: row.organization,
    stateId: row.stateId,
    since: row.since,
    until: row.until,
    sources: citations.get(row.id) ?? [],
  }));
}

/** The official's positions, replaced when they differ from the bundle's. */
export function positions(manager: EntityManager, officialId: number): CitedChildren<Omit<PositionValues, "sources">> {
  return {
    subject: "positionId",
    load: () => storedPositions(manager, officialId),
    clear: async () => {
      await manager.delete(Position, { officialId });
    },
    insert: (position) => insertRecord(manager, Position, { ...position, officialId }),
  };
}

export function upsertOfficial(manager: EntityManager, official: Entry<"Official">, keys: RecordKeys): Promise<UpsertAction> {
  // Positions left out of the entry stay as stored; a list given (even empty) replaces them.
  const wanted = official.positions && wantedPositions(official.positions, keys);
  return upsertKeyedRecord(manager, "Official", official, keys, async (officialId, isNew) =>
    wanted ? syncCitedChildren(manager, positions(manager, officialId), wanted, isNew) : false,
  );
}
