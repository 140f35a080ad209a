import type { EntityManager } from "typeorm";
import { Official } from "../entities/official.entity";
import { Position } from "../entities/position.entity";
import type { OfficialInput } from "./bundle-types";
import { citationValues, insertCitations, loadCitations } from "./citations";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { insertRecord, upsertRecord } from "./record-upsert";
import { sameValue } from "./same-value";

/** Positions as compared: title, organisation, state, period and citations, in the bundle's order. */
function wantedPositions(official: OfficialInput, keys: RecordKeys) {
  return official.positions.map((position) => ({
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

/** Replaces the official's positions when they differ from the bundle's. */
async function syncPositions(
  manager: EntityManager,
  officialId: number,
  wanted: PositionValues[],
  isNew: boolean,
): Promise<boolean> {
  const stored = isNew ? [] : await storedPositions(manager, officialId);
  if (sameValue(stored, wanted)) return false;
  if (!isNew) await manager.delete(Position, { officialId });
  for (const { sources, ...position } of wanted) {
    const positionId = await insertRecord(manager, Position, { ...position, officialId });
    await insertCitations(manager, "positionId", positionId, sources);
  }
  return true;
}

export async function upsertOfficial(manager: EntityManager, official: OfficialInput, keys: RecordKeys): Promise<UpsertAction> {
  const existing = await manager.findOneBy(Official, { slug: official.slug });
  const positions = wantedPositions(official, keys);
  const { id, action } = await upsertRecord(
    manager,
    Official,
    existing,
    { slug: official.slug, name: official.name },
    (officialId, isNew) => syncPositions(manager, officialId, positions, isNew),
  );
  keys.set("official", official.slug, id);
  return action;
}
