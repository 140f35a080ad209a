import { Statement } from "../entities/statement.entity";
import { recordReferenceResolver } from "./record-reference";

/** Resolves `Statement` entity representations from other subgraphs by global id, batched per request. */
export const resolveStatementReference = recordReferenceResolver("Statement", Statement, []);
