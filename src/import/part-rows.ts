import { type EntityManager, type EntityTarget, In, type ObjectLiteral } from "typeorm";
import { Membership } from "../entities/membership.entity";
import { Participant } from "../entities/participant.entity";
import { Position } from "../entities/position.entity";
import { allocateIds, insertRows } from "./bulk-rows";
import { type CitationSubject, type CitationValues, citationRows, loadCitations } from "./citations";
import type { OwnedRows } from "./owned-rows";

/** A part row's values as compared (entity properties), with the citations it carries when the part has them. */
export type PartValues = Record<string, unknown> & { sources?: CitationValues[] };

/** A table of parts (rows with no key of their own): its entity, the property naming the owner, the compared fields. */
interface PartTable {
  entity: EntityTarget<ObjectLiteral>;
  table: string;
  owner: string;
  fields: readonly string[];
  /** Parts that carry citations (memberships, positions): the citation column naming them. */
  subject?: CitationSubject;
}

function picked(row: ObjectLiteral, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, row[field]]));
}

async function loadParts(manager: EntityManager, part: PartTable, ownerIds: number[]): Promise<Map<number, PartValues[]>> {
  const byOwner = new Map<number, PartValues[]>(ownerIds.map((id) => [id, []]));
  const rows = await manager.find(part.entity, { where: { [part.owner]: In(ownerIds) }, order: { id: "ASC" } });
  const citations = part.subject
    ? await loadCitations(
        manager,
        part.subject,
        rows.map((row) => row.id),
      )
    : null;
  for (const row of rows) {
    const values: PartValues = picked(row, part.fields);
    if (citations) values.sources = citations.get(row.id) ?? [];
    byOwner.get(row[part.owner])?.push(values);
  }
  return byOwner;
}

/** Inserts parts in order with their ids allocated first, so their citations can name them. */
async function insertParts(manager: EntityManager, part: PartTable, rows: { ownerId: number; value: PartValues }[]) {
  const subject = part.subject;
  if (!subject) {
    await insertRows(
      manager,
      part.entity,
      rows.map(({ ownerId, value }) => ({ ...picked(value, part.fields), [part.owner]: ownerId })),
    );
    return;
  }
  const ids = await allocateIds(manager, part.table, rows.length);
  await insertRows(
    manager,
    part.entity,
    rows.map(({ ownerId, value }, index) => ({ ...picked(value, part.fields), id: ids[index], [part.owner]: ownerId })),
  );
  await citationRows(subject).insert(
    manager,
    rows.flatMap(({ value }, index) => (value.sources ?? []).map((citation) => ({ ownerId: ids[index], value: citation }))),
  );
}

function partRows(part: PartTable): OwnedRows<PartValues> {
  return {
    name: part.table,
    load: (manager, ownerIds) => loadParts(manager, part, ownerIds),
    clear: async (manager, ownerIds) => {
      await manager.delete(part.entity, { [part.owner]: In(ownerIds) });
    },
    insert: (manager, rows) => insertParts(manager, part, rows),
  };
}

/** A coalition's memberships: state, role, period and citations, in order. */
export const MEMBERSHIP_ROWS = partRows({
  entity: Membership,
  table: "membership",
  owner: "coalitionId",
  fields: ["stateId", "role", "since", "until"],
  subject: "membershipId",
});

/** An official's positions: title, organisation, state, period and citations, in order. */
export const POSITION_ROWS = partRows({
  entity: Position,
  table: "position",
  owner: "officialId",
  fields: ["title", "organization", "stateId", "since", "until"],
  subject: "positionId",
});

/** A meeting's participants: official, state represented, role and attendance, in order. */
export const PARTICIPANT_ROWS = partRows({
  entity: Participant,
  table: "participant",
  owner: "meetingId",
  fields: ["officialId", "representingStateId", "role", "attendance"],
});
