import type { ApolloServerPlugin } from "@apollo/server";
import { type FieldNode, type GraphQLSchema, Kind, type OperationDefinitionNode, valueFromASTUntyped } from "graphql";
import type { DataSource } from "typeorm";
import type { Limits } from "../config";
import type { RequestContext } from "../context";
import { SavedQuery } from "../entities/saved-query.entity";
import { operationDepth } from "../plugins/depth-limit";
import { estimateNodes } from "../plugins/node-limit";
import { queryTooComplex } from "../plugins/query-too-complex";
import { operationsOf, parseDocument } from "./document-check";

type Variables = Record<string, unknown>;

function isObject(value: unknown): value is Variables {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `runSavedQuery` fields at the root of the operation. */
function savedQueryRuns(operation: OperationDefinitionNode): FieldNode[] {
  return operation.selectionSet.selections.filter(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === "runSavedQuery",
  );
}

function argument(field: FieldNode, name: string, variables: Variables): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name);
  return node ? valueFromASTUntyped(node.value, variables) : undefined;
}

/** Depth and estimated nodes of one saved query run with these variables, refused above the limits. */
async function checkRun(dataSource: DataSource, schema: GraphQLSchema, limits: Limits, field: FieldNode, variables: Variables) {
  const name = argument(field, "name", variables);
  if (typeof name !== "string") return;
  const saved = await dataSource.getRepository(SavedQuery).findOneBy({ name });
  const { ast } = saved ? parseDocument(saved.document) : { ast: null };
  const [operation] = ast ? operationsOf(ast) : [];
  if (!saved || !ast || !operation) return; // runSavedQuery answers NOT_FOUND or BAD_USER_INPUT itself
  const given = argument(field, "variables", variables);
  const merged = { ...(saved.variables ?? {}), ...(isObject(given) ? given : {}) };
  const depth = operationDepth(ast, operation) + 1;
  if (depth > limits.maxDepth) throw queryTooComplex("maxDepth", depth, limits.maxDepth);
  const nodes = estimateNodes(schema, ast, operation, merged);
  if (nodes > limits.maxNodes) throw queryTooComplex("maxNodes", nodes, limits.maxNodes);
}

/**
 * `runSavedQuery` executes a saved document inside the request: the query limits (depth, estimated
 * nodes) apply to that document as if it had been sent itself, before anything runs.
 */
export function savedQueryLimitsPlugin(dataSource: DataSource, limits: Limits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) return;
          for (const field of savedQueryRuns(operation)) {
            await checkRun(dataSource, schema, limits, field, request.variables ?? {});
          }
        },
      };
    },
  };
}
