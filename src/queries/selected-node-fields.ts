import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

type Fragments = Record<string, FragmentDefinitionNode>;

/** Calls `visit` for every field of a selection set, looking through inline fragments and fragment spreads. */
function forEachField(
  selectionSet: SelectionSetNode | undefined,
  fragments: Fragments,
  visit: (name: string, selectionSet: SelectionSetNode | undefined) => void,
  seen: Set<string> = new Set(),
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === "Field") visit(selection.name.value, selection.selectionSet);
    else if (selection.kind === "InlineFragment") forEachField(selection.selectionSet, fragments, visit, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      forEachField(fragments[selection.name.value]?.selectionSet, fragments, visit, seen);
    }
  }
}

/**
 * Look-ahead for a connection field: the names of the fields selected on its items (`nodes { … }` and
 * `edges { node { … } }`), fragments included. Conditions (`@include`/`@skip`, type conditions) are not
 * evaluated, so the set may hold a field that will not run; callers use it only to fetch ahead.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const collect = (_: string, selectionSet: SelectionSetNode | undefined) =>
    forEachField(selectionSet, info.fragments, (name) => names.add(name));
  for (const fieldNode of info.fieldNodes) {
    forEachField(fieldNode.selectionSet, info.fragments, (name, selectionSet) => {
      if (name === "nodes") collect(name, selectionSet);
      else if (name === "edges")
        forEachField(selectionSet, info.fragments, (inner, node) => inner === "node" && collect(inner, node));
    });
  }
  return names;
}
