import { COALITION } from "./coalition.record";
import { MEETING } from "./meeting.record";
import { OFFICIAL } from "./official.record";
import { OUTCOME } from "./outcome.record";
import type { EntryOf, RecordDescription } from "./record-description";
import { SOURCE } from "./source.record";
import { STATE } from "./state.record";
import { STATEMENT } from "./statement.record";
import { TOPIC } from "./topic.record";

/**
 * Every record type, described once, in the order a bundle's sections are written (a record after the
 * ones it may refer to). Adding a record type here is what makes imports, mutations, history, deletes
 * and reference checks know it; the maps below are checked against this list by the compiler.
 */
export const RECORDS = {
  Source: SOURCE,
  State: STATE,
  Topic: TOPIC,
  Coalition: COALITION,
  Official: OFFICIAL,
  Meeting: MEETING,
  Outcome: OUTCOME,
  Statement: STATEMENT,
} as const satisfies Record<string, RecordDescription>;

export type RecordTypeName = keyof typeof RECORDS;

export const RECORD_TYPE_NAMES = Object.keys(RECORDS) as RecordTypeName[];

export function isRecordTypeName(name: string): name is RecordTypeName {
  return Object.hasOwn(RECORDS, name);
}

/** A record entry of one type once read (bundle entry or mutation input). */
export type Entry<T extends RecordTypeName> = EntryOf<(typeof RECORDS)[T]>;

export type { EntryOf, RecordDescription, RecordEntry } from "./record-description";
