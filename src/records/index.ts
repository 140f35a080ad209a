import { COALITION } from "./coalition.record";
import type { LinkTable } from "./fields";
import { MEETING } from "./meeting.record";
import { OFFICIAL } from "./official.record";
import { OUTCOME } from "./outcome.record";
import type { DependantRule, EntryOf, RecordDescription } from "./record-description";
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

/** The bundle's sections, in write order, as the schema's descriptions list them: "`sources`, `states`, … or `statements`". */
export function sectionList(last: "and" | "or"): string {
  const sections = RECORD_TYPE_NAMES.map((type) => `\`${RECORDS[type].section}\``);
  return `${sections.slice(0, -1).join(", ")} ${last} ${sections[sections.length - 1]}`;
}

export function isRecordTypeName(name: string): name is RecordTypeName {
  return Object.hasOwn(RECORDS, name);
}

/**
 * The records that depend on a record of `type`: the rules of its description, then one rule per list of
 * references to the type (a link row of a referring record, removed by a cascade). A record that lists
 * itself (a meeting among its own predecessors) is not its own dependant.
 */
export function dependantsOf(type: RecordTypeName): DependantRule[] {
  const { name, dependants } = RECORDS[type];
  const linked = Object.values(RECORDS).flatMap((owner: RecordDescription) =>
    Object.values(owner.fields).flatMap(({ rule }) =>
      rule.kind === "references" && rule.to === name ? [linkDependant(owner, rule.link, owner.name === name)] : [],
    ),
  );
  return [...dependants, ...linked];
}

function linkDependant(owner: RecordDescription, link: LinkTable, self: boolean): DependantRule {
  const notSelf = self ? ` AND l.${link.owner} <> $1` : "";
  const key = owner.keyColumn === null ? "NULL" : `o.${owner.keyColumn}`;
  return {
    recordType: owner.type,
    relation: link.relation,
    find: `SELECT o.id, ${key} AS key FROM ${link.table} l JOIN ${owner.table} o ON o.id = l.${link.owner} WHERE l.${link.target} = $1${notSelf}`,
    cascade: "update",
    detach: `DELETE FROM ${link.table} l WHERE l.${link.target} = $1${notSelf}`,
  };
}

/** A record entry of one type once read (bundle entry or mutation input). */
export type Entry<T extends RecordTypeName> = EntryOf<(typeof RECORDS)[T]>;

export type { DependantRule, EntryOf, RecordDescription, RecordEntry } from "./record-description";
