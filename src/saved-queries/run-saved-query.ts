import type { GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { SavedQuery } from "../entities/saved-query.entity";
import { badInput } from "../errors";
import { checkSavedDocument, operationsOf, parseDocument } from "./document-check";
import { checkVariableValues } from "./variable-coercion";

/** A saved query ready to run: its one operation and its variables (saved defaults, then the caller's). */
export interface PreparedRun {
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

/**
 * Checks a saved query against the current schema and merges its variables; BAD_USER_INPUT when the
 * document no longer validates (a schema change) or a variable does not fit its declared type.
 */
export function prepareRun(
  schema: GraphQLSchema,
  savedQuery: SavedQuery,
  given: Record<string, unknown> | null | undefined,
): PreparedRun {
  const documentProblems = checkSavedDocument(schema, savedQuery.document);
  if (documentProblems.length > 0) {
    throw badInput(
      documentProblems.map((problem) => ({
        path: problem.path,
        message: `saved query "${savedQuery.name}" no longer validates: ${problem.message}`,
      })),
    );
  }
  const { ast } = parseDocument(savedQuery.document);
  const [operation] = ast ? operationsOf(ast) : [];
  const variables = { ...(savedQuery.variables ?? {}), ...(given ?? {}) };
  const variableProblems = checkVariableValues(schema, operation, variables);
  if (variableProblems.length > 0) throw badInput(variableProblems);
  return { operation, variables };
}
