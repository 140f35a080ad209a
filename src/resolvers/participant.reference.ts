import { Participant } from "../entities/participant.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Participant` entity representations from other subgraphs by global id, batched per request. */
export const resolveParticipantReference = recordReferenceResolver("Participant", Participant, []);
