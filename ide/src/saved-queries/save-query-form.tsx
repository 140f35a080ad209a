import { useGraphiQL } from "@graphiql/react";
import { type FormEvent, useState } from "react";
import { type SavedQuerySummary, saveQuery } from "./saved-queries-api";
import type { SavedQuerySupport } from "./saved-queries-schema";
import { useApiTarget } from "./use-api-target";

interface SaveQueryFormProps {
  support: SavedQuerySupport;
  onSaved(saved: SavedQuerySummary): void;
}

/** Suggests a saved-query name from the operation name: TroopDeploymentMeetings → troop-deployment-meetings. */
function suggestName(operationName: string | null | undefined): string {
  if (!operationName) return "";
  return operationName
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") {
    return `${message} — saving needs an API key: add {"Authorization": "Bearer <key>"} in the Headers tab.`;
  }
  return message;
}

/** Saves the active tab's operation and variables as a named query (a new version when the name exists). */
export function SaveQueryForm({ support, onSaved }: SaveQueryFormProps) {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const operationName = useGraphiQL((state) => state.operationName);
  const apiTarget = useApiTarget();
  const [name, setName] = useState("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!support.canSave) {
    return <p className="chancery-saved-note">This server's schema has no saveQuery mutation yet: saving is unavailable.</p>;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const saved = await saveQuery(apiTarget(), support, {
        name: name.trim() || suggestName(operationName),
        title: title.trim() || operationName || name.trim(),
        description: description.trim(),
        document: queryEditor?.getValue() ?? "",
        variables: variableEditor?.getValue() ?? "",
      });
      const version = saved.version ? ` (version ${saved.version})` : "";
      setStatus({ kind: "ok", text: `Saved "${saved.name}"${version}` });
      onSaved(saved);
    } catch (error) {
      setStatus({ kind: "error", text: describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="chancery-saved-form" onSubmit={submit} aria-label="Save the current tab">
      <h3>Save the current tab</h3>
      <label>
        Name
        <input
          name="name"
          value={name}
          placeholder={suggestName(operationName) || "troop-deployment-meetings"}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label>
        Title
        <input name="title" value={title} placeholder={operationName ?? ""} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        Description
        <textarea name="description" rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <button type="submit" className="graphiql-button" disabled={busy}>
        {busy ? "Saving…" : "Save query"}
      </button>
      {status && (
        <p className={`chancery-saved-status chancery-saved-${status.kind}`} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}
