import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { FragmentMemo, fragmentsByName, isIntrospectionField } from "./operation-fragments";
import { queryTooComplex } from "./query-too-complex";

/** What a list counts for when the query does not say (the contract's default page size). */
export const DEFAULT_LIST_SIZE = 20;

type Variables = Record<string, unknown>;

/** The arguments of one field as the resolver would see them, or {} when they cannot be coerced (execution reports that). */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): Variables {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/**
 * How many items a field returns at most, or null when it is not a list of its own: a paginated
 * field counts its `first`/`last` (default 20); `edges`/`nodes` of a connection and an edge's `node`
 * were already counted by the connection; `nodes(ids:)` counts its ids; any other list counts 20.
 */
function listSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables) {
  const paginated = field.args.some((arg) => arg.name === "first" || arg.name === "last");
  if (paginated) {
    const { first, last } = argumentsOf(field, node, variables);
    const asked = [first, last].filter((value): value is number => typeof value === "number");
    return asked.length > 0 ? Math.max(0, ...asked) : DEFAULT_LIST_SIZE;
  }
  if (!isListType(getNullableType(field.type))) return null;
  if (parent.name.endsWith("Connection")) return null;
  const { ids } = field.args.some((arg) => arg.name === "ids") ? argumentsOf(field, node, variables) : {};
  return Array.isArray(ids) ? ids.length : DEFAULT_LIST_SIZE;
}

/**
 * GitHub-style estimate of the nodes an operation may return: every list counts its size, and
 * what is selected below a list counts once per item (`meetings(first: 10) { participants }` is
 * 10 + 10 × 20). Single objects and scalars cost nothing of their own. Fragments are measured once.
 */
export function estimateNodes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Variables = {},
): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  const variables = coerced.coerced ?? {};
  const memo = new FragmentMemo(fragmentsByName(document), 0);

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode): number => {
    if (isIntrospectionField(node.name.value) || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const field = parent.getFields()[node.name.value];
    if (!field) return 0;
    const type = getNamedType(field.type);
    const below = node.selectionSet && isCompositeType(type) ? costOf(type, node.selectionSet) : 0;
    const size = listSize(parent, field, node, variables);
    return size === null ? below : size + size * below;
  };

  const typeNamed = (name: string, fallback: GraphQLCompositeType): GraphQLCompositeType => {
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : fallback;
  };

  const costOf = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(parent, selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeNamed(selection.typeCondition.name.value, parent) : parent;
        cost += costOf(type, selection.selectionSet);
      } else {
        cost += memo.measure(selection.name.value, (fragment) =>
          costOf(typeNamed(fragment.typeCondition.name.value, parent), fragment.selectionSet),
        );
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? costOf(root, operation.selectionSet) : 0;
}

/**
 * Refuses operations estimated above `maxNodes` (MAX_QUERY_NODES) and reports the estimate of
 * accepted ones in the response: `extensions.cost = { estimatedNodes, maxNodes }`.
 */
export function nodeLimitPlugin<TContext extends BaseContext>(maxNodes: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let estimatedNodes: number | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const nodes = estimateNodes(schema, document, operation, request.variables ?? {});
          if (nodes > maxNodes) throw queryTooComplex("nodes", nodes, maxNodes);
          estimatedNodes = nodes;
        },
        async willSendResponse({ response }) {
          if (estimatedNodes === null || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimatedNodes, maxNodes } };
        },
      };
    },
  };
}
