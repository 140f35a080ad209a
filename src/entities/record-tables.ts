import { RECORDS, type RecordTypeName } from "../records";

export { isRecordTypeName, RECORD_TYPE_NAMES, type RecordTypeName } from "../records";

/** How inputs, bundles and filters name a record type they refer to by human key. */
export const REFERENCED_RECORD_TYPES = {
  state: "State",
  source: "Source",
  topic: "Topic",
  coalition: "Coalition",
  official: "Official",
  meeting: "Meeting",
  outcome: "Outcome",
} as const satisfies Record<string, RecordTypeName>;

export type ReferencedRecord = keyof typeof REFERENCED_RECORD_TYPES;

/** Table and human-key column of a record type referred to by key. */
export function keyedTable(reference: ReferencedRecord): { table: string; keyColumn: string } {
  const { table, keyColumn } = RECORDS[REFERENCED_RECORD_TYPES[reference]];
  return { table, keyColumn: keyColumn ?? "id" };
}
