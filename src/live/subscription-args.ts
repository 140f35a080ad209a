import { badInput, type InputProblem } from "../errors";
import { decodeChangeCursor } from "../history/history-page";
import { MAX_FILTER_LIST_VALUES } from "../queries/filter-logic";
import { isRecordTypeName } from "../records";

/** The entry id an `after` cursor names (null when none is given); BAD_USER_INPUT for anything else. */
export function afterIdOf(after: string | null | undefined): number | null {
  if (after == null) return null;
  const id = decodeChangeCursor(after);
  if (id === null) throw badInput([{ path: "after", message: "is not a cursor of the change history (change:<entry id>)" }]);
  return id;
}

/** Checks `recordChanged`'s lists: known record types, at most MAX_FILTER_LIST_VALUES values each. */
export function checkRecordChangedLists(
  types: readonly string[] | null | undefined,
  keys: readonly string[] | null | undefined,
): void {
  const problems: InputProblem[] = [];
  for (const [path, list] of [
    ["types", types],
    ["keys", keys],
  ] as const) {
    if (list && list.length > MAX_FILTER_LIST_VALUES)
      problems.push({ path, message: `holds ${list.length} values; at most ${MAX_FILTER_LIST_VALUES}` });
  }
  (types ?? []).forEach((type, index) => {
    if (!isRecordTypeName(type)) problems.push({ path: `types[${index}]`, message: `unknown record type "${type}"` });
  });
  if (problems.length > 0) throw badInput(problems);
}
