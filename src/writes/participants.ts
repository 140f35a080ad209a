import type { EntityManager } from "typeorm";
import { ParticipantRole } from "../entities/enums";
import type { ParticipantInput } from "../schema/participant.input";
import type { Problems } from "./problems";
import type { References } from "./references";
import { insertRow } from "./rows";

/** Queues participants' references and reports an official listed twice (one part per official per meeting). */
export function prepareParticipants(
  participants: ParticipantInput[] | null | undefined,
  path: string,
  references: References,
  problems: Problems,
): void {
  const seen = new Set<string>();
  participants?.forEach((participant, index) => {
    const participantPath = `${path}[${index}]`;
    references.want("official", participant.official, `${participantPath}.official`);
    references.want("state", participant.representing, `${participantPath}.representing`);
    if (seen.has(participant.official)) problems.add(`${participantPath}.official`, `"${participant.official}" is listed twice`);
    seen.add(participant.official);
  });
}

export async function insertParticipant(
  manager: EntityManager,
  references: References,
  meetingId: number,
  participant: ParticipantInput,
): Promise<void> {
  await insertRow(manager, "participant", {
    meeting_id: meetingId,
    official_id: references.id("official", participant.official),
    representing_state_id: references.id("state", participant.representing),
    role: participant.role ?? ParticipantRole.PARTICIPANT,
    attendance: participant.attendance ?? null,
  });
}

export async function replaceParticipants(
  manager: EntityManager,
  references: References,
  meetingId: number,
  participants: ParticipantInput[],
): Promise<void> {
  await manager.query(`DELETE FROM participant WHERE meeting_id = $1`, [meetingId]);
  for (const participant of participants) await insertParticipant(manager, references, meetingId, participant);
}
