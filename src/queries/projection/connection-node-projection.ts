import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { cachedProjection } from "./cached-projection";
import type { Projection } from "./selection-projection";

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

/**
 * The projection of a connection's items (`typeName`), or null when they are resolved field by field: when a
 * selected field cannot be projected, when no item field is selected, or when fragments at the connection or
 * edge level make the item selections harder to see (rare; the resolvers then answer as usual). Compiled once
 * for a query and its variables, and shared by all the parents of the connection field.
 */
export function projectConnectionNodes(info: GraphQLResolveInfo, typeName: string): Projection | null {
  return cachedProjection(info, typeName, "nodes", nodeFieldNodes);
}

/** Whether the connection's own selection names `fieldName` (e.g. `totalCount`), fragments not looked into. */
export function selectsField(info: GraphQLResolveInfo, fieldName: string): boolean {
  return info.fieldNodes.some((connection) =>
    connection.selectionSet?.selections.some((selection) => selection.kind === "Field" && selection.name.value === fieldName),
  );
}
