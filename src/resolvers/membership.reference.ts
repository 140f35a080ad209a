import { Membership } from "../entities/membership.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Membership` entity representations from other subgraphs by global id, batched per request. */
export const resolveMembershipReference = recordReferenceResolver("Membership", Membership, []);
