/**
 * Relay global object ids: base64url of `Type:internalId`. Opaque to clients; `node(id:)` decodes them.
 */
export function toGlobalId(typeName: string, id: number | string): string {
  return Buffer.from(`${typeName}:${id}`, "utf8").toString("base64url");
}

/** The type name and internal id, or null when the string is not one of our ids. */
export function fromGlobalId(globalId: string): { typeName: string; id: number } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id <= 2147483647 ? { typeName: match[1], id } : null;
}
