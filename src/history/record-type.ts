/** The record types whose changes the history tracks, with their table and human-key column (whitelisted SQL identifiers). */
export const RECORD_TABLES = {
  State: { table: "state", keyColumn: "code" },
  Source: { table: "source", keyColumn: "slug" },
  Topic: { table: "topic", keyColumn: "slug" },
  Coalition: { table: "coalition", keyColumn: "slug" },
  Official: { table: "official", keyColumn: "slug" },
  Meeting: { table: "meeting", keyColumn: "slug" },
  Outcome: { table: "outcome", keyColumn: "slug" },
  Statement: { table: "statement", keyColumn: null },
} as const;

export type RecordTypeName = keyof typeof RECORD_TABLES;

export const RECORD_TYPE_NAMES = Object.keys(RECORD_TABLES) as RecordTypeName[];

export function isRecordTypeName(name: string): name is RecordTypeName {
  return Object.hasOwn(RECORD_TABLES, name);
}
