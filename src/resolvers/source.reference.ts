import { Source } from "../entities/source.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Source` entity representations from other subgraphs by global id or `slug`, batched per request. */
export const resolveSourceReference = recordReferenceResolver("Source", Source, ["slug"]);
