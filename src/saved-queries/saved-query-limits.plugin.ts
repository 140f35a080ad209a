import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import { type DataSource, In } from "typeorm";
import type { Limits } from "../config";
import type { RequestContext } from "../context";
import { SavedQuery } from "../entities/saved-query.entity";
import { operationDepth } from "../plugins/depth-limit";
import { estimateNodes } from "../plugins/node-limit";
import { fragmentsByName } from "../plugins/operation-fragments";
import { queryTooComplex } from "../plugins/query-too-complex";
import { checkTokenLimit } from "../plugins/token-limit";
import { operationsOf, parseDocument } from "./document-check";

type Variables = Record<string, unknown>;

function isObject(value: unknown): value is Variables {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The `runSavedQuery` fields the operation executes, one per response key: root fields written in
 * fragments count too, and fields of the same response key merge into one execution (GraphQL spec
 * §6.3.2), so a fragment spread twice runs once. Each fragment is visited once.
 */
function savedQueryRuns(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = fragmentsByName(document);
  const visited = new Set<string>();
  const runs = new Map<string, FieldNode>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "runSavedQuery") runs.set(selection.alias?.value ?? selection.name.value, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return [...runs.values()];
}

function argument(field: FieldNode, name: string, variables: Variables): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name);
  return node ? valueFromASTUntyped(node.value, variables) : undefined;
}

/** The saved queries the runs name, by name: one statement for all of them. */
async function savedQueriesNamed(dataSource: DataSource, runs: FieldNode[], variables: Variables) {
  const names = [...new Set(runs.map((field) => argument(field, "name", variables)))].filter(
    (name): name is string => typeof name === "string",
  );
  const found = names.length === 0 ? [] : await dataSource.getRepository(SavedQuery).findBy({ name: In(names) });
  return new Map(found.map((saved) => [saved.name, saved]));
}

/** Estimated nodes of one run with these variables; its tokens and depth (under `runSavedQuery`) refused above the limits. */
function runCost(schema: GraphQLSchema, limits: Limits, saved: SavedQuery | undefined, field: FieldNode, variables: Variables) {
  const { ast } = saved ? parseDocument(saved.document) : { ast: null };
  const [operation] = ast ? operationsOf(ast) : [];
  if (!saved || !ast || !operation) return 0; // runSavedQuery answers NOT_FOUND or BAD_USER_INPUT itself
  checkTokenLimit(saved.document, limits.maxTokens);
  const given = argument(field, "variables", variables);
  const merged = { ...(saved.variables ?? {}), ...(isObject(given) ? given : {}) };
  const depth = operationDepth(ast, operation) + 1;
  if (depth > limits.maxDepth) throw queryTooComplex("maxDepth", depth, limits.maxDepth);
  return estimateNodes(schema, ast, operation, merged);
}

/**
 * `runSavedQuery` counts what it runs: before anything runs, each saved document's estimated nodes
 * (with its variables) are added to the request's own, and the sum is held to MAX_QUERY_NODES (thirty
 * aliased runs of a 42,100-node document are 1.26 M nodes, not thirty requests of 42,100). Each run
 * then goes through the request pipeline itself, where every other limit applies to its document.
 */
export function savedQueryLimitsPlugin(dataSource: DataSource, limits: Limits): ApolloServerPlugin<RequestContext> {
  // Apollo's document cache brings back the same operation node for a repeated query: its runs are found once.
  const runsOf = new WeakMap<OperationDefinitionNode, FieldNode[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const runs = runsOf.get(operation) ?? savedQueryRuns(document, operation);
          runsOf.set(operation, runs);
          if (runs.length === 0) return;
          const variables = request.variables ?? {};
          const saved = await savedQueriesNamed(dataSource, runs, variables);
          let nodes = estimateNodes(schema, document, operation, variables);
          for (const field of runs) {
            const name = argument(field, "name", variables);
            nodes += runCost(schema, limits, typeof name === "string" ? saved.get(name) : undefined, field, variables);
          }
          if (nodes > limits.maxNodes) throw queryTooComplex("maxNodes", nodes, limits.maxNodes);
        },
      };
    },
  };
}
