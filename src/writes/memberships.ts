import type { EntityManager } from "typeorm";
import { MembershipRole } from "../entities/enums";
import type { MembershipInput } from "../schema/membership.input";
import { checkCitations, insertCitations, wantCitationSources } from "./citations";
import { checkPeriod } from "./periods";
import type { Problems } from "./problems";
import type { References } from "./references";
import { insertRow } from "./rows";

/** Queues a list of memberships' references and checks their periods, each at its input path. */
export function prepareMemberships(
  members: MembershipInput[] | null | undefined,
  path: string,
  references: References,
  problems: Problems,
): void {
  members?.forEach((member, index) => {
    const memberPath = `${path}[${index}]`;
    references.want("state", member.state, `${memberPath}.state`);
    wantCitationSources(references, member.sources, `${memberPath}.sources`);
    checkCitations(member.sources, `${memberPath}.sources`, problems);
    checkPeriod(member, memberPath, problems);
  });
}

export async function insertMembership(
  manager: EntityManager,
  references: References,
  coalitionId: number,
  member: MembershipInput,
): Promise<number> {
  const id = await insertRow(manager, "membership", {
    coalition_id: coalitionId,
    state_id: references.id("state", member.state),
    role: member.role ?? MembershipRole.MEMBER,
    since: member.since ?? null,
    until: member.until ?? null,
  });
  await insertCitations(manager, references, "membership_id", id, member.sources);
  return id;
}

/** Replaces every membership of a coalition (their citations go with them through the foreign key). */
export async function replaceMemberships(
  manager: EntityManager,
  references: References,
  coalitionId: number,
  members: MembershipInput[],
): Promise<void> {
  await manager.query(`DELETE FROM membership WHERE coalition_id = $1`, [coalitionId]);
  for (const member of members) await insertMembership(manager, references, coalitionId, member);
}
