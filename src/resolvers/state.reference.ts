import { State } from "../entities/state.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `State` entity representations from other subgraphs by global id or `code`, batched per request. */
export const resolveStateReference = recordReferenceResolver("State", State, ["code"]);
