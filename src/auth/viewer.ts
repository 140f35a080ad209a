import type { Role } from "./role";

/**
 * Who is asking: an API key's holder, or an anonymous client (`apiKeyId` null). An anonymous
 * client holds no role; the auth checker lets it do what a READER may (reads) unless
 * REQUIRE_AUTH=true, and never anything that needs a key (`@Authorized()` without roles).
 */
export interface Viewer {
  apiKeyId: number | null;
  label: string | null;
  role: Role | null;
}

export const ANONYMOUS: Viewer = { apiKeyId: null, label: null, role: null };

/** True for an API key's holder: who wrote what (key labels) is shown to them only, never to anonymous clients. */
export function isKeyHolder(viewer: Viewer): boolean {
  return viewer.apiKeyId !== null;
}
