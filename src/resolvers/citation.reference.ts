import { Citation } from "../entities/citation.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Citation` entity representations from other subgraphs by global id, batched per request. */
export const resolveCitationReference = recordReferenceResolver("Citation", Citation, []);
