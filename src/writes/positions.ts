import type { EntityManager } from "typeorm";
import type { PositionInput } from "../schema/position.input";
import { checkCitations, insertCitations, wantCitationSources } from "./citations";
import { toLocalizedText } from "./localized-text";
import { checkPeriod } from "./periods";
import type { Problems } from "./problems";
import type { References } from "./references";
import { insertRow } from "./rows";

/** Queues a list of positions' references and checks their periods, each at its input path. */
export function preparePositions(
  positions: PositionInput[] | null | undefined,
  path: string,
  references: References,
  problems: Problems,
): void {
  positions?.forEach((position, index) => {
    const positionPath = `${path}[${index}]`;
    references.want("state", position.state, `${positionPath}.state`);
    wantCitationSources(references, position.sources, `${positionPath}.sources`);
    checkCitations(position.sources, `${positionPath}.sources`, problems);
    checkPeriod(position, positionPath, problems);
  });
}

export async function insertPosition(
  manager: EntityManager,
  references: References,
  officialId: number,
  position: PositionInput,
): Promise<number> {
  const id = await insertRow(manager, "position", {
    official_id: officialId,
    title: toLocalizedText(position.title),
    organization: toLocalizedText(position.organization) ?? null,
    state_id: references.id("state", position.state),
    since: position.since ?? null,
    until: position.until ?? null,
  });
  await insertCitations(manager, references, "position_id", id, position.sources);
  return id;
}

/** Replaces every position of an official (their citations go with them through the foreign key). */
export async function replacePositions(
  manager: EntityManager,
  references: References,
  officialId: number,
  positions: PositionInput[],
): Promise<void> {
  await manager.query(`DELETE FROM position WHERE official_id = $1`, [officialId]);
  for (const position of positions) await insertPosition(manager, references, officialId, position);
}
