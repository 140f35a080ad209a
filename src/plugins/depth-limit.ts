import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { FragmentMemo, fragmentsByName, isIntrospectionField } from "./operation-fragments";

/** How deeply fields nest in the operation (`{ a { b } }` is 2); introspection fields do not count. */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo = new FragmentMemo(fragmentsByName(document), 0);
  const depthOf = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospectionField(selection.name.value)) continue;
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        deepest = Math.max(
          deepest,
          memo.measure(selection.name.value, (fragment) => depthOf(fragment.selectionSet)),
        );
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}
