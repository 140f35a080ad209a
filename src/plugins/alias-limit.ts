import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { FragmentMemo, fragmentsByName } from "./operation-fragments";

/** Aliased fields in the operation, a fragment's counted once per spread (an alias bomb through fragments counts in full). */
export function operationAliases(document: DocumentNode, operation: OperationDefinitionNode): number {
  const memo = new FragmentMemo(fragmentsByName(document), 0);
  const aliasesIn = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        count += (selection.alias ? 1 : 0) + (selection.selectionSet ? aliasesIn(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += aliasesIn(selection.selectionSet);
      } else {
        count += memo.measure(selection.name.value, (fragment) => aliasesIn(fragment.selectionSet));
      }
    }
    return count;
  };
  return aliasesIn(operation.selectionSet);
}
