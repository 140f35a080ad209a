import { Position } from "../entities/position.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Position` entity representations from other subgraphs by global id, batched per request. */
export const resolvePositionReference = recordReferenceResolver("Position", Position, []);
