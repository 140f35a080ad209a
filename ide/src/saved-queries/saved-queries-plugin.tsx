import type { GraphiQLPlugin } from "@graphiql/react";
import { SavedQueriesPanel } from "./saved-queries-panel";

function SavedQueriesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M6 3h12v18l-6-4-6 4z" strokeLinejoin="round" />
    </svg>
  );
}

/** GraphiQL sidebar plugin for the saved-query library (docs/api.md, "Saved queries and CSV"). */
export const savedQueriesPlugin: GraphiQLPlugin = {
  title: "Saved queries",
  icon: SavedQueriesIcon,
  content: SavedQueriesPanel,
};
