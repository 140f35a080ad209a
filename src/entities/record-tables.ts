/**
 * The record types with a table of their own, with their human-key column: the one whitelist of SQL identifiers
 * that writes, the change history, imports and filters use to look records up by key.
 */
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

/** How inputs, bundles and filters name a record type they refer to by human key. */
export const REFERENCED_RECORD_TYPES = {
  state: "State",
  source: "Source",
  topic: "Topic",
  coalition: "Coalition",
  official: "Official",
  meeting: "Meeting",
  outcome: "Outcome",
} as const;

export type ReferencedRecord = keyof typeof REFERENCED_RECORD_TYPES;

/** Table and human-key column of a record type referred to by key. */
export function keyedTable(reference: ReferencedRecord): { table: string; keyColumn: string } {
  return RECORD_TABLES[REFERENCED_RECORD_TYPES[reference]];
}
