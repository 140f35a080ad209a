import { Coalition } from "../entities/coalition.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Coalition` entity representations from other subgraphs by global id or `slug`, batched per request. */
export const resolveCoalitionReference = recordReferenceResolver("Coalition", Coalition, ["slug"]);
