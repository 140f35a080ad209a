import type { LocalizedText } from "../entities/localized-text";
import type { InputProblem } from "../errors";
import type { CitationInput, RecordReference, ReferenceType } from "./bundle-types";

/** A JSON object as read from a bundle. */
export type JsonObject = Record<string, unknown>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STATE_CODE = /^[A-Z]{2}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_KEY_LENGTH = 200;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEnumValue<T extends string>(value: unknown, values: Record<string, T>): value is T {
  return typeof value === "string" && Object.values(values).some((allowed) => allowed === value);
}

/** `path` + `.key`, or `key` at the top. */
export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads bundle values field by field. Every check that fails adds a problem at its JSON path and
 * yields a placeholder, so one pass collects every problem; every human-key reference is noted for
 * the reference check that follows.
 */
export class BundleReader {
  readonly problems: InputProblem[] = [];
  readonly references: RecordReference[] = [];

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** The value as an object whose keys are all in `allowed`, else null (with a problem). */
  object(value: unknown, path: string, allowed: readonly string[]): JsonObject | null {
    if (!isJsonObject(value)) {
      this.problem(path, `expected an object, got ${describe(value)}`);
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.problem(childPath(path, key), `unknown field (expected one of ${allowed.join(", ")})`);
    }
    return value;
  }

  /** The array at `key` (absent or null: empty), each item with its path. */
  list(object: JsonObject, key: string, path: string): { value: unknown; path: string }[] {
    const value = object[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(childPath(path, key), `expected an array, got ${describe(value)}`);
      return [];
    }
    return value.map((item, index) => ({ value: item, path: `${childPath(path, key)}[${index}]` }));
  }

  string(object: JsonObject, key: string, path: string, required: true): string;
  string(object: JsonObject, key: string, path: string, required?: false): string | null;
  string(object: JsonObject, key: string, path: string, required = false): string | null {
    const value = object[key];
    if (value === undefined || value === null) {
      if (required) this.problem(childPath(path, key), "is required");
      return required ? "" : null;
    }
    if (typeof value !== "string" || value.trim() === "") {
      this.problem(childPath(path, key), `expected a non-empty string, got ${describe(value)}`);
      return required ? "" : null;
    }
    return value;
  }

  /** A human key: a slug, or (for states) an ISO 3166-1 alpha-2 code. */
  key(object: JsonObject, key: string, path: string, kind: "slug" | "code"): string {
    const value = this.string(object, key, path, true);
    if (value) this.checkKey(value, childPath(path, key), kind);
    return value;
  }

  private checkKey(value: string, path: string, kind: "slug" | "code"): boolean {
    if (kind === "code" && !STATE_CODE.test(value)) {
      this.problem(path, `"${value}" is not an ISO 3166-1 alpha-2 code (two capital letters)`);
      return false;
    }
    if (kind === "slug" && (!SLUG.test(value) || value.length > MAX_KEY_LENGTH)) {
      this.problem(path, `"${value}" is not a slug (lowercase letters, digits and single hyphens, at most ${MAX_KEY_LENGTH})`);
      return false;
    }
    return true;
  }

  /** One of an enum's values; absent gives `fallback` (or a problem when there is none). */
  enumValue<T extends string>(object: JsonObject, key: string, path: string, values: Record<string, T>, fallback: T): T;
  enumValue<T extends string>(
    object: JsonObject,
    key: string,
    path: string,
    values: Record<string, T>,
    fallback?: null,
  ): T | null;
  enumValue<T extends string>(
    object: JsonObject,
    key: string,
    path: string,
    values: Record<string, T>,
    fallback: T | null = null,
  ): T | null {
    const value = object[key];
    if (value === undefined || value === null) return fallback;
    if (!isEnumValue(value, values)) {
      this.problem(childPath(path, key), `${describe(value)} is not one of ${Object.values(values).join(", ")}`);
      return fallback;
    }
    return value;
  }

  requiredEnum<T extends string>(object: JsonObject, key: string, path: string, values: Record<string, T>): T {
    if (object[key] === undefined || object[key] === null) this.problem(childPath(path, key), "is required");
    const first = Object.values(values)[0];
    return this.enumValue(object, key, path, values, first);
  }

  /** An ISO `YYYY-MM-DD` date, or null. */
  date(object: JsonObject, key: string, path: string): string | null {
    const value = object[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== "string" || !isIsoDate(value)) {
      this.problem(childPath(path, key), `${describe(value)} is not a date (YYYY-MM-DD)`);
      return null;
    }
    return value;
  }

  /** An ISO date or date-time, or null. */
  dateTime(object: JsonObject, key: string, path: string): Date | null {
    const value = object[key];
    if (value === undefined || value === null) return null;
    const text = typeof value === "string" ? value : "";
    const parsed = ISO_DATE_TIME.test(text) ? new Date(text) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || (text.length === 10 && !isIsoDate(text))) {
      this.problem(childPath(path, key), `${describe(value)} is not an ISO 8601 date or date-time`);
      return null;
    }
    return parsed;
  }

  /** A BCP 47 language tag, or null. */
  language(object: JsonObject, key: string, path: string): string | null {
    const value = this.string(object, key, path);
    if (value !== null && !LANGUAGE_TAG.test(value)) {
      this.problem(childPath(path, key), `"${value}" is not a BCP 47 language tag (e.g. "en", "ru", "uk")`);
      return null;
    }
    return value;
  }

  /** Localized text: a string (English) or an object of language tag → text. */
  localized(object: JsonObject, key: string, path: string, required: true): LocalizedText;
  localized(object: JsonObject, key: string, path: string, required?: false): LocalizedText | null;
  localized(object: JsonObject, key: string, path: string, required = false): LocalizedText | null {
    const value = object[key];
    const at = childPath(path, key);
    if (value === undefined || value === null) {
      if (required) this.problem(at, "is required");
      return required ? {} : null;
    }
    if (typeof value === "string" && value.trim() !== "") return { en: value };
    if (!isJsonObject(value) || Object.keys(value).length === 0) {
      this.problem(at, `expected a string or an object of language → text, got ${describe(value)}`);
      return required ? {} : null;
    }
    const text: LocalizedText = {};
    for (const [lang, entry] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(lang)) this.problem(`${at}.${lang}`, `"${lang}" is not a BCP 47 language tag`);
      else if (typeof entry !== "string" || entry.trim() === "")
        this.problem(`${at}.${lang}`, `expected text, got ${describe(entry)}`);
      else text[lang] = entry;
    }
    return text;
  }

  /** A reference by human key (noted for the reference check), or null. */
  reference(object: JsonObject, key: string, path: string, type: ReferenceType, required = false): string | null {
    const value = required ? this.string(object, key, path, true) : this.string(object, key, path);
    if (!value) return null;
    return this.noteReference(value, childPath(path, key), type);
  }

  /** An array of references by human key; a key repeated is a problem. */
  referenceList(object: JsonObject, key: string, path: string, type: ReferenceType): string[] {
    const keys: string[] = [];
    for (const item of this.list(object, key, path)) {
      if (typeof item.value !== "string" || item.value === "") {
        this.problem(item.path, `expected a ${type} key, got ${describe(item.value)}`);
      } else if (keys.includes(item.value)) {
        this.problem(item.path, `${type} "${item.value}" is listed twice`);
      } else if (this.noteReference(item.value, item.path, type) !== null) {
        keys.push(item.value);
      }
    }
    return keys;
  }

  private noteReference(value: string, path: string, type: ReferenceType): string | null {
    if (!this.checkKey(value, path, type === "state" ? "code" : "slug")) return null;
    this.references.push({ type, key: value, path });
    return value;
  }

  /** `sources`: each a bare source slug or `{ source, quote, quoteLang }`. */
  citations(object: JsonObject, key: string, path: string): CitationInput[] {
    const citations: CitationInput[] = [];
    for (const item of this.list(object, key, path)) {
      if (typeof item.value === "string") {
        const source = this.noteReference(item.value, item.path, "source");
        if (source) citations.push({ source, quote: null, quoteLang: null });
        continue;
      }
      const citation = this.object(item.value, item.path, ["source", "quote", "quoteLang"]);
      if (!citation) continue;
      const source = this.reference(citation, "source", item.path, "source", true);
      const quote = this.string(citation, "quote", item.path);
      const quoteLang = this.language(citation, "quoteLang", item.path);
      if (source) citations.push({ source, quote, quoteLang });
    }
    return citations;
  }
}
