import { Outcome } from "../entities/outcome.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Outcome` entity representations from other subgraphs by global id or `slug`, batched per request. */
export const resolveOutcomeReference = recordReferenceResolver("Outcome", Outcome, ["slug"]);
