import type { Role } from "./role";

/** Who is asking: an API key's holder, or an anonymous client (null key). */
export interface Viewer {
  keyId: number | null;
  label: string | null;
  role: Role | null;
}

export const ANONYMOUS: Viewer = { keyId: null, label: null, role: null };
