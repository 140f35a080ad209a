import { useGraphiQL } from "@graphiql/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { SaveQueryForm } from "./save-query-form";
import { listSavedQueries, type SavedQuerySummary } from "./saved-queries-api";
import { detectSavedQuerySupport } from "./saved-queries-schema";
import { SavedQueryList } from "./saved-query-list";
import { useApiTarget } from "./use-api-target";

type ListState = { kind: "loading" } | { kind: "ready"; items: SavedQuerySummary[] } | { kind: "error"; message: string };

/** The saved-query library: search and list (savedQueries), open, CSV, and a form saving the current tab. */
export function SavedQueriesPanel() {
  const schema = useGraphiQL((state) => state.schema);
  const schemaError = useGraphiQL((state) => state.fetchError);
  const support = useMemo(() => detectSavedQuerySupport(schema), [schema]);
  const apiTarget = useApiTarget();
  const [search, setSearch] = useState("");
  const [list, setList] = useState<ListState>({ kind: "loading" });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((count) => count + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: apiTarget reads the editors when called; reloads forces a refresh.
  useEffect(() => {
    if (!support.canList) return;
    let current = true;
    setList({ kind: "loading" });
    const timer = setTimeout(() => {
      listSavedQueries(apiTarget(), support, search)
        .then((items) => current && setList({ kind: "ready", items }))
        .catch((error: unknown) => current && setList({ kind: "error", message: String((error as Error).message ?? error) }));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [support, search, reloads]);

  if (!schema) {
    const note = schemaError
      ? `The schema could not be loaded (${schemaError}); the saved-query panel needs it.`
      : "Loading the schema…";
    return (
      <div className="chancery-saved">
        <p className="chancery-saved-note">{note}</p>
      </div>
    );
  }
  if (!support.canList && !support.canSave) {
    return (
      <div className="chancery-saved">
        <p className="chancery-saved-note">
          This server does not offer saved queries yet (no <code>savedQueries</code> or <code>saveQuery</code> in its schema).
        </p>
      </div>
    );
  }
  return (
    <div className="chancery-saved">
      <div className="graphiql-doc-explorer-title">Saved queries</div>
      {support.canList ? (
        <>
          <div className="chancery-saved-toolbar">
            <input
              type="search"
              aria-label="Search saved queries"
              placeholder="Search by name, title, description"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <button type="button" className="graphiql-button" onClick={reload}>
              Refresh
            </button>
          </div>
          {list.kind === "loading" ? <p className="chancery-saved-note">Loading…</p> : null}
          {list.kind === "error" ? <p className="chancery-saved-status chancery-saved-error">{list.message}</p> : null}
          {list.kind === "ready" ? <SavedQueryList items={list.items} canDownload /> : null}
        </>
      ) : (
        <p className="chancery-saved-note">This server's schema has no savedQueries list yet.</p>
      )}
      <SaveQueryForm support={support} onSaved={reload} />
    </div>
  );
}
