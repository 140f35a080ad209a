/**
 * A row a foreign key guarantees. Missing only if it was deleted between two statements of one request;
 * that is an internal error (masked for the client), not a null the schema does not allow.
 */
export function required<T>(record: T | null, typeName: string, id: number): T {
  if (record === null) throw new Error(`${typeName} ${id} vanished while the request was read`);
  return record;
}
