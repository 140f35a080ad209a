import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { cachedProjection } from "./cached-projection";
import type { Projection } from "./selection-projection";

/**
 * The nodes of the fields named `name` selected directly under `fieldNodes`, or null when a fragment sits among
 * those selections (it could hold more of them; callers then fall back to resolving field by field).
 */
export function subfieldNodes(fieldNodes: readonly FieldNode[], name: string): FieldNode[] | null {
  const found: FieldNode[] = [];
  for (const fieldNode of fieldNodes) {
    for (const selection of fieldNode.selectionSet?.selections ?? []) {
      if (selection.kind !== "Field") return null;
      if (selection.name.value === name) found.push(selection);
    }
  }
  return found;
}

/** Field nodes of a connection's items, under `nodes` and `edges { node }`; null when fragments hide them. */
export function connectionItemNodes(info: GraphQLResolveInfo): FieldNode[] | null {
  const nodes = subfieldNodes(info.fieldNodes, "nodes");
  const edges = subfieldNodes(info.fieldNodes, "edges");
  const edgeNodes = edges && subfieldNodes(edges, "node");
  return nodes && edgeNodes && [...nodes, ...edgeNodes];
}

/**
 * The projection of a connection's items (`typeName`), or null when they are resolved field by field: when a
 * selected field cannot be projected, when no item field is selected, or when fragments at the connection or
 * edge level make the item selections harder to see (rare; the resolvers then answer as usual). Compiled once
 * for a query and its variables, and shared by all the parents of the connection field.
 */
export function projectConnectionNodes(info: GraphQLResolveInfo, typeName: string): Projection | null {
  return cachedProjection(info, typeName, "nodes", connectionItemNodes);
}

/** Whether the connection's own selection names `fieldName` (e.g. `totalCount`), fragments not looked into. */
export function selectsField(info: GraphQLResolveInfo, fieldName: string): boolean {
  return info.fieldNodes.some((connection) =>
    connection.selectionSet?.selections.some((selection) => selection.kind === "Field" && selection.name.value === fieldName),
  );
}
