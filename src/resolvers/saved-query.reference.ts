import { SavedQuery } from "../entities/saved-query.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `SavedQuery` entity representations from other subgraphs by global id or `name`, batched per request. */
export const resolveSavedQueryReference = recordReferenceResolver("SavedQuery", SavedQuery, ["name"]);
