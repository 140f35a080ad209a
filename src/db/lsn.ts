/**
 * WAL positions (PostgreSQL's `pg_lsn`) as text, e.g. `16/B374D848`: two hexadecimal halves of one
 * 64-bit byte offset. Compared as numbers: `0/10` is past `0/F`, which text order gets wrong.
 */
const LSN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The position `text` names, or null when it is not a pg_lsn. */
export function parseLsn(text: string): bigint | null {
  const match = LSN.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** `text` as PostgreSQL prints it (upper-case halves, no leading zeros). */
export function formatLsn(position: bigint): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffff_ffffn).toString(16).toUpperCase()}`;
}

/** Whether a server that has replayed up to `replayed` has seen everything up to `wanted`. */
export function hasReached(replayed: bigint | null, wanted: bigint): boolean {
  return replayed !== null && replayed >= wanted;
}
