import { Official } from "../entities/official.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Official` entity representations from other subgraphs by global id or `slug`, batched per request. */
export const resolveOfficialReference = recordReferenceResolver("Official", Official, ["slug"]);
