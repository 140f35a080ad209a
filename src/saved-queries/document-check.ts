import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SourceLocation,
  validate,
} from "graphql";
import type { InputProblem } from "../errors";

/** `(line 3, column 5)` for the first location of a GraphQL error, or nothing. */
function where(locations: readonly SourceLocation[] | undefined): string {
  const first = locations?.[0];
  return first ? ` (line ${first.line}, column ${first.column})` : "";
}

function problem(path: string, error: GraphQLError): InputProblem {
  return { path, message: `${error.message}${where(error.locations)}` };
}

/** Parses a document; a syntax error becomes a problem naming its line and column. */
export function parseDocument(document: string, path = "document"): { ast: DocumentNode | null; problems: InputProblem[] } {
  try {
    return { ast: parse(document), problems: [] };
  } catch (error) {
    if (error instanceof GraphQLError) return { ast: null, problems: [problem(path, error)] };
    throw error;
  }
}

/** The document's operations. */
export function operationsOf(ast: DocumentNode): OperationDefinitionNode[] {
  return ast.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
}

/** Exactly one operation, and a query: a saved query must never write or subscribe. */
function checkSingleQuery(ast: DocumentNode, path: string): InputProblem[] {
  const operations = operationsOf(ast);
  if (operations.length !== 1) {
    return [{ path, message: `the document must hold exactly one operation (it holds ${operations.length})` }];
  }
  const [operation] = operations;
  if (operation.operation !== "query") {
    const loc = operation.loc?.startToken;
    const at = loc ? ` (line ${loc.line}, column ${loc.column})` : "";
    return [{ path, message: `only a query may be saved, not a ${operation.operation}${at}` }];
  }
  return [];
}

/**
 * Every reason the document cannot be saved or run against `schema`: a syntax error, validation
 * errors (each with its line and column), or not exactly one query operation.
 */
export function checkSavedDocument(schema: GraphQLSchema, document: string, path = "document"): InputProblem[] {
  const { ast, problems } = parseDocument(document, path);
  if (!ast) return problems;
  const shape = checkSingleQuery(ast, path);
  const invalid = validate(schema, ast).map((error) => problem(path, error));
  return [...shape, ...invalid];
}
