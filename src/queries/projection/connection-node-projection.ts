import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { type Projection, projectSelection } from "./selection-projection";

/** Field nodes found under a connection's `nodes` and `edges { node }`, fragments and conditions not applied. */
function nodeFieldNodes(info: GraphQLResolveInfo): FieldNode[] | null {
  const found: FieldNode[] = [];
  for (const connection of info.fieldNodes) {
    for (const selection of connection.selectionSet?.selections ?? []) {
      if (selection.kind !== "Field") return null;
      if (selection.name.value === "nodes") found.push(selection);
      if (selection.name.value !== "edges") continue;
      for (const inner of selection.selectionSet?.selections ?? []) {
        if (inner.kind !== "Field") return null;
        if (inner.name.value === "node") found.push(inner);
      }
    }
  }
  return found;
}

/** Projections compiled in one request (its variables object), by the connection's field nodes. */
const inRequest = new WeakMap<object, WeakMap<readonly FieldNode[], Projection | null>>();

/**
 * Projections compiled across requests: by the connection's first field node (an object of the parsed document,
 * which Apollo caches per query text), then by the variables (which `@skip`/`@include` and `lang` read). At
 * most `VARIANTS_PER_FIELD` variable sets are kept per field node.
 */
const acrossRequests = new WeakMap<FieldNode, Map<string, Projection | null>>();
const VARIANTS_PER_FIELD = 64;

/**
 * The projection of a connection's items (`typeName`), or null when they are resolved field by field: when a
 * selected field cannot be projected, when no item field is selected, or when fragments at the connection or
 * edge level make the item selections harder to see (rare; the resolvers then answer as usual). Compiled once
 * for a query and its variables, and shared by all the parents of the connection field.
 */
export function projectConnectionNodes(info: GraphQLResolveInfo, typeName: string): Projection | null {
  let byFieldNodes = inRequest.get(info.variableValues);
  if (!byFieldNodes) {
    byFieldNodes = new WeakMap();
    inRequest.set(info.variableValues, byFieldNodes);
  }
  if (byFieldNodes.has(info.fieldNodes)) return byFieldNodes.get(info.fieldNodes) ?? null;
  const projection = compiledAcrossRequests(info, typeName);
  byFieldNodes.set(info.fieldNodes, projection);
  return projection;
}

function compiledAcrossRequests(info: GraphQLResolveInfo, typeName: string): Projection | null {
  const anchor = info.fieldNodes[0];
  let byVariables = acrossRequests.get(anchor);
  if (!byVariables) {
    byVariables = new Map();
    acrossRequests.set(anchor, byVariables);
  }
  const key = JSON.stringify([typeName, info.fieldNodes.length, info.variableValues]);
  const cached = byVariables.get(key);
  if (cached !== undefined) return cached;
  const nodes = nodeFieldNodes(info);
  const projection = nodes && nodes.length > 0 ? projectSelection(info, typeName, nodes) : null;
  if (byVariables.size >= VARIANTS_PER_FIELD) byVariables.clear();
  byVariables.set(key, projection);
  return projection;
}

/** Whether the connection's own selection names `fieldName` (e.g. `totalCount`), fragments not looked into. */
export function selectsField(info: GraphQLResolveInfo, fieldName: string): boolean {
  return info.fieldNodes.some((connection) =>
    connection.selectionSet?.selections.some((selection) => selection.kind === "Field" && selection.name.value === fieldName),
  );
}
