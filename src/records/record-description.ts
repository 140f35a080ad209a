import type { RecordBase } from "../entities/record-base";
import type { EntryReader, JsonObject } from "./entry-reader";
import { childPath, describe } from "./entry-reader";
import type { Field, Fields, ValueOf } from "./fields";

/** Where an entry sits (for messages), the required fields it leaves out, and the stored record it writes when its writer named one. */
export type RecordEntry = {
  path: string;
  /** Paths of required fields the entry leaves out: problems only when the record is not stored yet. */
  missing: string[];
  /**
   * The stored record this entry writes, when the writer named it otherwise than by the entry's key (an
   * update mutation's argument); null for a record the writer creates (a create mutation), which never
   * becomes an update of a record stored meanwhile under the same key (the insert meets the unique key).
   */
  storedId?: number | null;
};

/** A dependant of a record: who would lose something if it went, and what `cascade: true` does to them. */
export interface DependantRule {
  recordType: string;
  /** How the dependant relates, for the CONFLICT message: "membership", "location", "participant"... */
  relation: string;
  /** `$1` = the record's id; answers `id, key` of each dependant record. */
  find: string;
  /** `delete`: the dependant record goes too (with its own cascade); `update`: `detach` runs and the dependant gets an UPDATE. */
  cascade: "delete" | "update";
  detach?: string;
}

/**
 * Everything about one record type that writes, imports and history derive from: where it is stored, its
 * human key, its fields with their rules (in bundle shape, the one shape mutations and imports share), the
 * checks that need several fields, its bundle section, its snapshot, and the records that depend on it.
 */
export interface RecordDescription<F extends Fields = Fields, K extends keyof F & string = keyof F & string> {
  /** The GraphQL type name. */
  type: string;
  /** Its entity: the TypeORM entity that stores it, which is also its GraphQL object type. */
  entity: new () => RecordBase;
  /** How references and messages name the type ("meeting"). */
  name: string;
  /** The bundle's array of entries of this type. */
  section: string;
  table: string;
  /** The fields that identify a record (its human key; a statement's official and text). */
  key: readonly K[];
  /** The key's column, when the key is one column. */
  keyColumn: string | null;
  fields: F;
  /** Problems that need several fields of one entry (a date and its precision). */
  check?: (entry: Record<string, unknown>, reader: EntryReader, path: string) => void;
  /** Message for a key another record holds already; the default names the key. */
  keyTaken?: string;
  /**
   * One SQL statement (`$1` = an int array of ids, built by `snapshotStatement`) answering `id, snapshot` per
   * record: the record in bundle shape, as the history stores it.
   */
  snapshot: string;
  /** Who depends on a record of this type; lists of references to it (link tables) are added by `dependantsOf`. */
  dependants: DependantRule[];
  /** The record whose snapshot holds this one (an outcome's meeting): a change of this one changes that one too. */
  container?: { type: string; column: string };
}

/** A record entry once read: its key fields always there, every other field absent when the entry leaves it out. */
export type EntryOf<D extends RecordDescription> = RecordEntry & {
  [K in keyof D["fields"] & D["key"][number]]: ValueOf<D["fields"][K]>;
} & {
  [K in Exclude<keyof D["fields"], D["key"][number]>]?: ValueOf<D["fields"][K]>;
};

const NOT_NULL = "must not be null (leave it out to keep the stored value)";

/**
 * Reads one entry of a record type (a bundle entry or a mutation's input) as a patch: a field left out
 * stays as stored, null clears (or sets the field's fallback), a list given replaces. Key fields are
 * always required; other required fields left out are noted in `missing`. `omit` drops fields the
 * context gives instead (an outcome nested in its meeting has no `meeting`).
 */
export function readEntry<D extends RecordDescription>(
  reader: EntryReader,
  description: D,
  value: unknown,
  path: string,
  omit: readonly string[] = [],
): EntryOf<D> | null {
  const names = Object.keys(description.fields).filter((name) => !omit.includes(name));
  const object = reader.object(value, path, names);
  if (!object) return null;
  const entry: Record<string, unknown> = { path, missing: [] };
  for (const name of names) readField(reader, description, object, name, path, entry);
  description.check?.(entry, reader, path);
  return entry as EntryOf<D>;
}

function readField(
  reader: EntryReader,
  description: RecordDescription,
  object: JsonObject,
  name: string,
  path: string,
  entry: Record<string, unknown>,
): void {
  const field: Field = description.fields[name];
  const given = object[name];
  const at = childPath(path, name);
  const isKey = (description.key as readonly string[]).includes(name);
  if (given === undefined || (isKey && given === null)) {
    if (isKey) {
      reader.problem(at, "is required");
      entry[name] = "";
    } else if (field.required) (entry.missing as string[]).push(at);
    return;
  }
  if (given === null) {
    if (field.fallback !== undefined) entry[name] = field.fallback;
    else if (field.required) reader.problem(at, NOT_NULL);
    else entry[name] = null;
    return;
  }
  entry[name] = field.read(reader, given, at) ?? field.fallback ?? (isKey ? "" : null);
}

/** A record nested in another's entry (a meeting's outcomes): each item an entry of its own type, read as a patch. */
export function entries<D extends RecordDescription>(description: () => D, omit: readonly string[]): Field<EntryOf<D>[], false> {
  return {
    rule: { kind: "entries", section: "outcomes" },
    required: false,
    fallback: [],
    read: (reader, value, path) => {
      if (!Array.isArray(value)) {
        reader.problem(path, `expected an array, got ${describe(value)}`);
        return null;
      }
      const read: EntryOf<D>[] = [];
      value.forEach((item, index) => {
        const entry = readEntry(reader, description(), item, `${path}[${index}]`, omit);
        if (entry) read.push(entry);
      });
      return read;
    },
  };
}
