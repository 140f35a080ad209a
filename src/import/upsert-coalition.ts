import type { EntityManager } from "typeorm";
import { Membership } from "../entities/membership.entity";
import type { Entry } from "../records";
import type { MEMBERSHIP } from "../records/coalition.record";
import type { PartOf } from "../records/fields";
import { citationValues, loadCitations } from "./citations";
import { type CitedChildren, syncCitedChildren } from "./cited-children";
import type { UpsertAction } from "./import-result";
import type { RecordKeys } from "./record-keys";
import { insertRecord, upsertKeyedRecord } from "./record-upsert";

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

type MemberValues = ReturnType<typeof wantedMembers>[number];

async function storedMembers(manager: EntityManager, coalitionId: number): Promise<MemberValues[]> {
  const rows = await manager.find(Membership, { where: { coalitionId }, order: { id: "ASC" } });
  const citations = await loadCitations(
    manager,
    "membershipId",
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    stateId: row.stateId,
    role: row.role,
    since: row.since,
    until: row.until,
    sources: citations.get(row.id) ?? [],
  }));
}

/** The coalition's memberships, replaced when they differ from the bundle's. */
export function memberships(manager: EntityManager, coalitionId: number): CitedChildren<Omit<MemberValues, "sources">> {
  return {
    subject: "membershipId",
    load: () => storedMembers(manager, coalitionId),
    clear: async () => {
      await manager.delete(Membership, { coalitionId });
    },
    insert: (member) => insertRecord(manager, Membership, { ...member, coalitionId }),
  };
}

export function upsertCoalition(manager: EntityManager, coalition: Entry<"Coalition">, keys: RecordKeys): Promise<UpsertAction> {
  const members = coalition.members && wantedMembers(coalition.members, keys);
  // Members left out of the entry stay as stored; a list given (even empty) replaces them.
  return upsertKeyedRecord(manager, "Coalition", coalition, keys, async (coalitionId, isNew) =>
    members ? syncCitedChildren(manager, memberships(manager, coalitionId), members, isNew) : false,
  );
}
