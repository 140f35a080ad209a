import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SourceLocation,
  validate,
  visit,
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
 * A saved document may not run a saved query itself: a run that starts runs has no bound (a query
 * saved as `x` running `x` recursed until the server ran out of memory). `runSavedQuery` is a root
 * field, so a field of that name anywhere in the document (fragments included) is one.
 */
export function nestedRunProblems(ast: DocumentNode, path = "document"): InputProblem[] {
  const problems: InputProblem[] = [];
  visit(ast, {
    Field(node) {
      if (node.name.value !== "runSavedQuery") return;
      const at = node.loc ? ` at line ${node.loc.startToken.line}, column ${node.loc.startToken.column}` : "";
      problems.push({ path, message: `a saved query may not run another saved query (runSavedQuery${at})` });
    },
  });
  return problems;
}

/**
 * Every reason the document cannot be saved or run against `schema`: a syntax error, validation
 * errors (each with its line and column), not exactly one query operation, or a run of another saved query.
 */
export function checkSavedDocument(schema: GraphQLSchema, document: string, path = "document"): InputProblem[] {
  const { ast, problems } = parseDocument(document, path);
  if (!ast) return problems;
  const shape = checkSingleQuery(ast, path);
  const invalid = validate(schema, ast).map((error) => problem(path, error));
  return [...shape, ...nestedRunProblems(ast, path), ...invalid];
}
