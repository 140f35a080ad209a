import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  type OperationDefinitionNode,
  typeFromAST,
} from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

/** Compiled operations kept per parsed document (Apollo caches those per query text), by operation name. */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

function compiledOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CompiledQuery | null {
  let byName = compiledByDocument.get(document);
  if (!byName) {
    byName = new Map();
    compiledByDocument.set(document, byName);
  }
  const name = operation.name?.value ?? "";
  if (!byName.has(name)) byName.set(name, compile(schema, document, operation));
  return byName.get(name) ?? null;
}

/**
 * Null for an operation graphql-jit cannot run: one whose variables hold a recursive input type (`MeetingFilter`
 * with `and`/`or`/`not`), whose coercion graphql-jit 0.8 generates without end (its issue #81), or any it refuses.
 */
function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
  const variableTypes = (operation.variableDefinitions ?? []).map((definition) => typeFromAST(schema, definition.type));
  if (variableTypes.some((type) => type && holdsRecursiveInput(getNamedType(type)))) return null;
  const query = compileQuery(schema, document, operation.name?.value);
  return isCompiledQuery(query) ? query : null;
}

/** Whether an input object type can contain itself, at any depth. */
function holdsRecursiveInput(type: GraphQLNamedType, path: GraphQLNamedType[] = []): boolean {
  if (!isInputObjectType(type)) return false;
  if (path.includes(type)) return true;
  return Object.values(type.getFields()).some((field) => holdsRecursiveInput(getNamedType(field.type), [...path, type]));
}

/**
 * Runs an operation compiled to a JavaScript function by graphql-jit (once per document): the same resolvers,
 * without graphql-js's per-field dispatch. Variables are coerced by graphql-js first, so a bad variable gets
 * graphql-js's error, word for word; an operation graphql-jit cannot compile runs on graphql-js.
 */
function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  // `operation`: the one Apollo resolved for the request, which its plugins checked.
  return async ({ document, request, operation, context }) => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const query = compiledOperation(schema, document, operation);
    if (!query) {
      return execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: operation.name?.value,
      });
    }
    const result = (await query.query(undefined, context, request.variables ?? {})) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
}

/**
 * graphql-jit reports errors with its own constructor, whose `extensions` is undefined when the resolver threw
 * none; Apollo and the error plugins read graphql-js's errors. The same error as graphql-js builds it (the
 * thrown error's message, extensions and `originalError`, at the field's path), with graphql-jit's locations.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const originalError = error.originalError ?? undefined;
  if (originalError instanceof GraphQLError && originalError.path) return originalError;
  const converted = new GraphQLError(error.message, { path: error.path, originalError });
  (converted as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return converted;
}

/**
 * What Apollo Server takes to run operations with its own executor: a gateway that serves one schema, loaded
 * once, with `compiledExecutor`. Apollo still parses, validates, runs every plugin and formats the answer.
 */
export function compiledSchemaGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return { executor: compiledExecutor(schema) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}
