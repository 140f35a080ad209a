import { Role, roleAtLeast } from "../auth/role";
import type { Viewer } from "../auth/viewer";
import type { SavedQuery } from "../entities/saved-query.entity";
import { clientError, ErrorCode } from "../errors";

/** Only key holders save; a saved query is changed or deleted only by its owner or an ADMIN. */
export function assertMayChange(viewer: Viewer, savedQuery: SavedQuery): void {
  if (viewer.apiKeyId === null) throw clientError(ErrorCode.UNAUTHENTICATED, "saving or deleting a saved query needs an API key");
  if (savedQuery.ownerApiKeyId === viewer.apiKeyId) return;
  if (viewer.role !== null && roleAtLeast(viewer.role, Role.ADMIN)) return;
  throw clientError(
    ErrorCode.FORBIDDEN,
    `the saved query "${savedQuery.name}" belongs to another key; only its owner or an ADMIN may change it`,
  );
}

/** An ADMIN approves any saved query for the SAFELIST; an EDITOR publishes (or withdraws) only its own. */
export function assertMayApprove(viewer: Viewer, savedQuery: SavedQuery): void {
  if (viewer.role !== null && roleAtLeast(viewer.role, Role.ADMIN)) return;
  if (viewer.role !== null && roleAtLeast(viewer.role, Role.EDITOR) && savedQuery.ownerApiKeyId === viewer.apiKeyId) return;
  throw clientError(
    ErrorCode.FORBIDDEN,
    `only an ADMIN, or an EDITOR that owns it, may approve or revoke the saved query "${savedQuery.name}"`,
  );
}
