import {
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { CheckedOperation } from "./operation-check";
import { FragmentMemo, fragmentsByName, isIntrospectionField } from "./operation-fragments";
import { queryTooComplex } from "./query-too-complex";

/** What a list counts for when the query does not say (the contract's default page size). */
export const DEFAULT_LIST_SIZE = 20;

type Variables = Record<string, unknown>;

/**
 * What the estimate needs of one field, worked out once per schema: graphql-js's type predicates
 * are slow outside NODE_ENV=production, and the same fields come back in every request.
 */
interface FieldShape {
  /** The object, interface or union below the field; null for scalars and enums. */
  below: ParentShape | null;
  /** paginated: counts its first/last; list: counts 20 (or its `ids`); passThrough: counted by its connection; single: not a list. */
  kind: "paginated" | "list" | "passThrough" | "single";
  hasIds: boolean;
}

/** A composite type: its fields by name (none for a union, which only offers `__typename`). */
interface ParentShape {
  name: string;
  fields: Map<string, GraphQLField<unknown, unknown>>;
}

const parentShapes = new WeakMap<GraphQLNamedType, ParentShape | null>();
const fieldShapes = new WeakMap<GraphQLField<unknown, unknown>, FieldShape>();

function parentShape(type: GraphQLNamedType): ParentShape | null {
  let shape = parentShapes.get(type);
  if (shape === undefined) {
    const composite = isObjectType(type) || isInterfaceType(type) || isUnionType(type);
    const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
    shape = composite ? { name: type.name, fields: new Map(fields.map((field) => [field.name, field])) } : null;
    parentShapes.set(type, shape);
  }
  return shape;
}

function fieldShape(parent: ParentShape, field: GraphQLField<unknown, unknown>): FieldShape {
  let shape = fieldShapes.get(field);
  if (shape === undefined) {
    const argNames = new Set(field.args.map((arg) => arg.name));
    const list = isListType(getNullableType(field.type));
    const kind =
      argNames.has("first") || argNames.has("last")
        ? "paginated"
        : !list
          ? "single"
          : parent.name.endsWith("Connection")
            ? "passThrough"
            : "list";
    shape = { below: parentShape(getNamedType(field.type)), kind, hasIds: argNames.has("ids") };
    fieldShapes.set(field, shape);
  }
  return shape;
}

/** The value of one argument as written (a literal or a variable), without coercing the others (filters can be large). */
function argumentValue(node: FieldNode, name: string, variables: Variables): unknown {
  const argument = node.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return undefined;
  const { value } = argument;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.LIST) return value.values;
  return undefined;
}

/**
 * How many items a field returns at most, or null when it is not a list of its own: a paginated
 * field counts its `first`/`last` (default 20); `edges`/`nodes` of a connection were already
 * counted by the connection; `nodes(ids:)` counts its ids; any other list counts 20.
 */
function listSize(shape: FieldShape, node: FieldNode, variables: Variables): number | null {
  if (shape.kind === "paginated") {
    const asked = [argumentValue(node, "first", variables), argumentValue(node, "last", variables)].filter(
      (value): value is number => typeof value === "number" && Number.isFinite(value),
    );
    return asked.length > 0 ? Math.max(0, ...asked) : DEFAULT_LIST_SIZE;
  }
  if (shape.kind !== "list") return null;
  const ids = shape.hasIds ? argumentValue(node, "ids", variables) : undefined;
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
  variables: Variables = {},
): number {
  const memo = new FragmentMemo(fragmentsByName(document), 0);

  const fieldCost = (parent: ParentShape, node: FieldNode): number => {
    if (isIntrospectionField(node.name.value)) return 0;
    const field = parent.fields.get(node.name.value);
    if (!field) return 0;
    const shape = fieldShape(parent, field);
    const below = node.selectionSet && shape.below ? costOf(shape.below, node.selectionSet) : 0;
    const size = listSize(shape, node, variables);
    return size === null ? below : size + size * below;
  };

  const typeNamed = (name: string, fallback: ParentShape): ParentShape => {
    const type = schema.getType(name);
    return (type && parentShape(type)) ?? fallback;
  };

  const costOf = (parent: ParentShape, selectionSet: SelectionSetNode): number => {
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
  const rootShape = root ? parentShape(root) : null;
  return rootShape ? costOf(rootShape, operation.selectionSet) : 0;
}

/** Refuses operations estimated above `maxNodes` (MAX_QUERY_NODES); returns the estimate of accepted ones. */
export function checkNodeLimit({ schema, document, operation, variables }: CheckedOperation, maxNodes: number): number {
  const nodes = estimateNodes(schema, document, operation, variables);
  if (nodes > maxNodes) throw queryTooComplex("maxNodes", nodes, maxNodes);
  return nodes;
}
