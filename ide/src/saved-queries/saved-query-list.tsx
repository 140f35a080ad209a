import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { useState } from "react";
import { downloadCsv, restPathOf, type SavedQuerySummary, variablesText } from "./saved-queries-api";
import { useApiTarget } from "./use-api-target";

interface SavedQueryListProps {
  items: SavedQuerySummary[];
  canDownload: boolean;
}

/** Opens a saved query in a new tab, keeping the current headers (the API key) in it. */
function useOpenInNewTab(): (item: SavedQuerySummary) => void {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  return (item) => {
    const headers = headerEditor?.getValue() ?? "";
    addTab();
    queryEditor?.setValue(item.document ?? "");
    variableEditor?.setValue(variablesText(item.variables));
    if (headers) headerEditor?.setValue(headers);
  };
}

function SavedQueryItem({ item, canDownload }: { item: SavedQuerySummary; canDownload: boolean }) {
  const openInNewTab = useOpenInNewTab();
  const apiTarget = useApiTarget();
  const [error, setError] = useState<string | null>(null);
  const download = () => {
    setError(null);
    downloadCsv(apiTarget(), item).catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
  };
  return (
    <li className="chancery-saved-item" data-name={item.name}>
      <div className="chancery-saved-heading">
        <strong>{item.title || item.name}</strong>
        <code>{item.name}</code>
        {item.version ? <span className="chancery-saved-version">v{item.version}</span> : null}
      </div>
      {item.description ? <p className="chancery-saved-description">{item.description}</p> : null}
      <div className="chancery-saved-actions">
        <button type="button" className="graphiql-button" disabled={!item.document} onClick={() => openInNewTab(item)}>
          Open in tab
        </button>
        {canDownload ? (
          <button type="button" className="graphiql-button" onClick={download} title={`GET ${restPathOf(item)}?format=csv`}>
            CSV
          </button>
        ) : null}
      </div>
      {error ? <p className="chancery-saved-status chancery-saved-error">{error}</p> : null}
    </li>
  );
}

export function SavedQueryList({ items, canDownload }: SavedQueryListProps) {
  if (!items.length) return <p className="chancery-saved-note">No saved queries match.</p>;
  return (
    <ul className="chancery-saved-list">
      {items.map((item) => (
        <SavedQueryItem key={item.name} item={item} canDownload={canDownload} />
      ))}
    </ul>
  );
}
