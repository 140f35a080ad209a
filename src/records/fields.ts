import type { LocalizedText } from "../entities/localized-text";
import { childPath, describe, type EntryReader, isJsonObject, type ReferenceType } from "./entry-reader";

/**
 * The fields of record descriptions: each says what a value may be (`rule`, plain data that the docs and
 * the generated parity test read) and reads one value given by a bundle entry or a mutation input (the
 * same code for both, so both accept the same values and word their problems the same way).
 */

export const SLUG_MAX = 200;
/** Localized texts, quotes and statements: the longest text one value may hold. */
export const TEXT_MAX = 20_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STATE_CODE = /^[A-Z]{2}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+\.[^\s]*$|^https?:\/\/localhost(?:[:/][^\s]*)?$/i;

export type FieldRule =
  | { kind: "key"; format: "slug" | "code" }
  | { kind: "text"; max: number }
  | { kind: "localized"; max: number }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "date" }
  | { kind: "dateTime" }
  | { kind: "language" }
  | { kind: "url"; max: number }
  | { kind: "reference"; to: ReferenceType }
  | { kind: "references"; to: ReferenceType; link: LinkTable }
  | { kind: "parts"; part: PartShape; uniqueBy?: string }
  | { kind: "object"; part: PartShape }
  | { kind: "entries"; section: string };

/**
 * Where a list of references is stored: a link table with one row per reference, its `owner` column naming
 * the record that lists them, its `target` column the record referred to. `relation` names the link from the
 * target's side, for the CONFLICT of a delete ("party", "topic").
 */
export interface LinkTable {
  table: string;
  owner: string;
  target: string;
  relation: string;
}

/** A part's fields (a membership, a participant, a citation, a location), read whole rather than as a patch. */
export interface PartShape {
  name: string;
  fields: Fields;
  /** Problems that need several fields of one part (a period's order, a quote language without a quote). */
  check?: (part: Record<string, unknown>, reader: EntryReader, path: string) => void;
  /** For a part kept in a table of its own (a membership, a position): that table and its column naming the record. */
  stored?: { table: string; ownerColumn: string };
}

/**
 * One field. `required`: a new record's entry must give it and null is refused. `fallback`: what null
 * (and, in a part, a field left out) stands for. `Nullable` types the value read (null unless required or
 * with a fallback).
 */
export interface Field<T = unknown, Nullable extends boolean = boolean> {
  readonly rule: FieldRule;
  readonly required: boolean;
  readonly fallback?: T;
  /** Reads a value that is neither undefined nor null; a problem yields null. */
  readonly read: (reader: EntryReader, value: unknown, path: string) => T | null;
  readonly nullable?: Nullable;
}

export type Fields = Record<string, Field>;

/** The value a field yields once read. */
export type ValueOf<F> = F extends Field<infer T, infer Nullable> ? (Nullable extends true ? T | null : T) : never;

interface Options<R extends boolean> {
  required?: R;
}

type Presence<R extends boolean> = R extends true ? false : true;

function field<T, R extends boolean>(rule: FieldRule, read: Field<T>["read"], options: Options<R> & { fallback?: T }) {
  return { rule, read, required: options.required === true, fallback: options.fallback } as Field<T, Presence<R>>;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A string that is not blank and at most `max` characters. */
function readString(reader: EntryReader, value: unknown, path: string, max: number): string | null {
  if (typeof value !== "string") {
    reader.problem(path, `expected a string, got ${describe(value)}`);
    return null;
  }
  if (value.trim() === "") {
    reader.problem(path, "must not be blank");
    return null;
  }
  if (value.length > max) {
    reader.problem(path, `must be at most ${max} characters (got ${value.length})`);
    return null;
  }
  return value;
}

function checkKey(reader: EntryReader, value: string, path: string, format: "slug" | "code"): boolean {
  if (format === "code" && !STATE_CODE.test(value)) {
    reader.problem(path, `"${value}" is not an ISO 3166-1 alpha-2 code (two capital letters)`);
    return false;
  }
  if (format === "slug" && (!SLUG.test(value) || value.length > SLUG_MAX)) {
    reader.problem(path, `"${value}" is not a slug (lowercase letters, digits and single hyphens, at most ${SLUG_MAX})`);
    return false;
  }
  return true;
}

function readKey(reader: EntryReader, value: unknown, path: string, format: "slug" | "code"): string | null {
  const text = readString(reader, value, path, SLUG_MAX + 1);
  return text !== null && checkKey(reader, text, path, format) ? text : null;
}

function readLanguage(reader: EntryReader, value: unknown, path: string): string | null {
  const text = readString(reader, value, path, 64);
  if (text === null) return null;
  if (!LANGUAGE_TAG.test(text)) {
    reader.problem(path, `"${text}" is not a BCP 47 language tag (e.g. "en", "ru", "uk")`);
    return null;
  }
  return text;
}

function noteReference(reader: EntryReader, value: unknown, path: string, to: ReferenceType): string | null {
  const key = readKey(reader, value, path, to === "state" ? "code" : "slug");
  if (key !== null) reader.reference(to, key, path);
  return key;
}

/** The record's human key: a slug, or (for states) an ISO 3166-1 alpha-2 code. */
export function key(format: "slug" | "code") {
  return field<string, true>({ kind: "key", format }, (reader, value, path) => readKey(reader, value, path, format), {
    required: true,
  });
}

export function text<R extends boolean = false>(options: Options<R> & { max: number }) {
  return field<string, R>(
    { kind: "text", max: options.max },
    (reader, value, path) => readString(reader, value, path, options.max),
    options,
  );
}

export function language<R extends boolean = false>(options: Options<R> = {}) {
  return field<string, R>({ kind: "language" }, readLanguage, options);
}

export function url<R extends boolean = false>(options: Options<R> & { max: number }) {
  return field<string, R>(
    { kind: "url", max: options.max },
    (reader, value, path) => {
      const text = readString(reader, value, path, options.max);
      if (text !== null && !HTTP_URL.test(text)) {
        reader.problem(path, `"${text}" is not an http(s) URL`);
        return null;
      }
      return text;
    },
    options,
  );
}

/**
 * Localized text: a string (English), an object of language → text (a bundle's form), or a list of
 * `{ lang, text }` (a mutation's form); each text at most `max` characters and not blank.
 */
export function localized<R extends boolean = false>(options: Options<R> & { max?: number } = {}) {
  const max = options.max ?? TEXT_MAX;
  return field<LocalizedText, R>(
    { kind: "localized", max },
    (reader, value, path) => readLocalized(reader, value, path, max),
    options,
  );
}

function readLocalized(reader: EntryReader, value: unknown, path: string, max: number): LocalizedText | null {
  if (typeof value === "string") {
    const text = readString(reader, value, path, max);
    return text === null ? null : { en: text };
  }
  const entries = Array.isArray(value)
    ? listEntries(reader, value, path)
    : isJsonObject(value)
      ? objectEntries(value, path)
      : null;
  if (entries === null) {
    reader.problem(path, `expected a string or an object of language → text, got ${describe(value)}`);
    return null;
  }
  if (entries.length === 0) {
    reader.problem(path, "must hold the text in at least one language");
    return null;
  }
  const localizedText: LocalizedText = {};
  const langs = new Set<string>();
  let valid = true;
  for (const entry of entries) {
    const lang = readLanguage(reader, entry.lang, entry.langPath);
    const text = readString(reader, entry.text, entry.textPath, max);
    if (lang !== null && langs.has(lang)) {
      reader.problem(path, "must hold each language at most once");
      valid = false;
    }
    if (lang !== null) langs.add(lang);
    if (lang === null || text === null) valid = false;
    else localizedText[lang] = text;
  }
  return valid ? localizedText : null;
}

interface LanguageEntry {
  lang: unknown;
  text: unknown;
  langPath: string;
  textPath: string;
}

function objectEntries(value: Record<string, unknown>, path: string): LanguageEntry[] {
  return Object.entries(value).map(([lang, text]) => ({
    lang,
    text,
    langPath: childPath(path, lang),
    textPath: childPath(path, lang),
  }));
}

function listEntries(reader: EntryReader, value: unknown[], path: string): LanguageEntry[] {
  const entries: LanguageEntry[] = [];
  for (const item of reader.items(value, path)) {
    const object = reader.object(item.value, item.path, ["lang", "text"]);
    if (object)
      entries.push({ lang: object.lang, text: object.text, langPath: `${item.path}.lang`, textPath: `${item.path}.text` });
  }
  return entries;
}

export function enumOf<T extends string, R extends boolean = false>(
  values: Record<string, T>,
  options: Options<R> & { fallback?: T } = {},
) {
  const allowed = Object.values(values);
  return field<T, R>(
    { kind: "enum", values: allowed },
    (reader, value, path) => {
      if (typeof value === "string" && allowed.some((entry) => entry === value)) return value as T;
      reader.problem(path, `${describe(value)} is not one of ${allowed.join(", ")}`);
      return null;
    },
    options,
  );
}

/** An enum field whose null (and absence from a part) means `fallback`: never null once read. */
export function enumWithDefault<T extends string>(values: Record<string, T>, fallback: T): Field<T, false> {
  return enumOf<T, true>(values, { fallback }) as Field<T, false>;
}

export function date<R extends boolean = false>(options: Options<R> = {}) {
  return field<string, R>(
    { kind: "date" },
    (reader, value, path) => {
      // A Date scalar may hand over a Date (midnight UTC) rather than its text.
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
      if (typeof value === "string" && isIsoDate(value)) return value;
      reader.problem(path, `${describe(value)} is not a date (YYYY-MM-DD)`);
      return null;
    },
    options,
  );
}

export function dateTime<R extends boolean = false>(options: Options<R> = {}) {
  return field<Date, R>(
    { kind: "dateTime" },
    (reader, value, path) => {
      const written = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : "";
      const parsed = ISO_DATE_TIME.test(written) ? new Date(written) : null;
      if (!parsed || Number.isNaN(parsed.getTime()) || (written.length === 10 && !isIsoDate(written))) {
        reader.problem(path, `${describe(value)} is not an ISO 8601 date or date-time`);
        return null;
      }
      return parsed;
    },
    options,
  );
}

/** A reference by human key to a record of the bundle or a stored one (checked after the read). */
export function reference<R extends boolean = false>(to: ReferenceType, options: Options<R> = {}) {
  return field<string, R>({ kind: "reference", to }, (reader, value, path) => noteReference(reader, value, path, to), options);
}

/**
 * A set of references by human key, stored in `link`; a key given twice is a problem. Null is the empty
 * list. Imports and mutations sync the link table, and deletes of the target detach it, from this alone.
 */
export function references(to: ReferenceType, link: LinkTable): Field<string[], false> {
  return field<string[], true>(
    { kind: "references", to, link },
    (reader, value, path) => {
      const keys: string[] = [];
      for (const item of reader.items(value, path)) {
        if (typeof item.value === "string" && keys.includes(item.value)) {
          reader.problem(item.path, `${to} "${item.value}" is listed twice`);
          continue;
        }
        const key = noteReference(reader, item.value, item.path, to);
        if (key !== null) keys.push(key);
      }
      return keys;
    },
    { fallback: [] },
  ) as Field<string[], false>;
}

/** The value of every field of a part, read whole: a field left out is null (or its fallback). */
export type PartOf<S extends { fields: Fields }> = { [K in keyof S["fields"]]: ValueOf<S["fields"][K]> };

/** Reads one part object (fields left out read as null or their fallback; a required one left out is a problem). */
export function readPart(reader: EntryReader, shape: PartShape, value: unknown, path: string): Record<string, unknown> | null {
  const object = reader.object(value, path, Object.keys(shape.fields));
  if (!object) return null;
  const part: Record<string, unknown> = {};
  for (const [name, partField] of Object.entries(shape.fields)) {
    const given = object[name];
    const at = childPath(path, name);
    if (given === undefined || given === null) {
      if (partField.required) reader.problem(at, "is required");
      part[name] = partField.fallback ?? null;
    } else part[name] = partField.read(reader, given, at) ?? partField.fallback ?? null;
  }
  shape.check?.(part, reader, path);
  return part;
}

/** A list of parts (memberships, participants, citations); `uniqueBy` names a field no two parts may share. */
export function parts<S extends PartShape>(shape: S, options: { uniqueBy?: keyof S["fields"] & string; bare?: string } = {}) {
  return field<PartOf<S>[], true>(
    { kind: "parts", part: shape, uniqueBy: options.uniqueBy },
    (reader, value, path) => {
      const items: PartOf<S>[] = [];
      const seen = new Set<unknown>();
      for (const item of reader.items(value, path)) {
        // A bare string stands for the part's `bare` field alone (a citation written as its source's slug).
        const object = options.bare && typeof item.value === "string" ? { [options.bare]: item.value } : item.value;
        const part = readPart(reader, shape, object, item.path);
        if (!part) continue;
        const unique = options.uniqueBy ? part[options.uniqueBy] : null;
        if (unique !== null && seen.has(unique)) {
          reader.problem(childPath(item.path, String(options.uniqueBy)), `"${unique}" is listed twice`);
          continue;
        }
        seen.add(unique);
        items.push(part as PartOf<S>);
      }
      return items;
    },
    { fallback: [] },
  ) as Field<PartOf<S>[], false>;
}

/** One nested object read as a patch of its own (a meeting's location: a key left out keeps its stored value). */
export function object<S extends PartShape>(shape: S) {
  return field<{ [K in keyof S["fields"]]?: ValueOf<S["fields"][K]> }, false>(
    { kind: "object", part: shape },
    (reader, value, path) => {
      const given = reader.object(value, path, Object.keys(shape.fields));
      if (!given) return null;
      const patch: Record<string, unknown> = {};
      for (const [name, partField] of Object.entries(shape.fields)) {
        if (given[name] === undefined) continue;
        patch[name] = given[name] === null ? null : partField.read(reader, given[name], childPath(path, name));
      }
      return patch as { [K in keyof S["fields"]]?: ValueOf<S["fields"][K]> };
    },
    {},
  );
}
