import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { FragmentMemo, fragmentsByName } from "./operation-fragments";

/** Directive uses in the operation: on the operation, its fields, fragments and spreads, a fragment's once per spread. */
export function operationDirectives(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo = new FragmentMemo(fragmentsByName(document), 0);
  const directivesIn = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      count += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        count += selection.selectionSet ? directivesIn(selection.selectionSet) : 0;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += directivesIn(selection.selectionSet);
      } else {
        count += memo.measure(
          selection.name.value,
          (fragment) => (fragment.directives?.length ?? 0) + directivesIn(fragment.selectionSet),
        );
      }
    }
    return count;
  };
  return (operation.directives?.length ?? 0) + directivesIn(operation.selectionSet);
}
