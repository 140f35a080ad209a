import { Meeting } from "../entities/meeting.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Meeting` entity representations from other subgraphs by global id or `slug`, batched per request. */
export const resolveMeetingReference = recordReferenceResolver("Meeting", Meeting, ["slug"]);
