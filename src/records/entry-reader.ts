import { badInput, type InputProblem } from "../errors";

/** A JSON object as read from a bundle entry or a mutation's input. */
export type JsonObject = Record<string, unknown>;

/** The record types an entry may refer to by human key. */
export type ReferenceType = "source" | "state" | "topic" | "coalition" | "official" | "meeting";

/** One reference by human key, and where it was written. */
export interface RecordReference {
  type: ReferenceType;
  key: string;
  path: string;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `path` + `.key`, or `key` at the top. */
export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A value as a problem message names it: `null`, `an array`, `string "x"`. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * What one read of entries collects: every problem at its path (so one pass reports them all) and every
 * human-key reference, for the reference check that follows. Bundles and mutation inputs share it.
 */
export class EntryReader {
  readonly problems: InputProblem[] = [];
  readonly references: RecordReference[] = [];

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Throws BAD_USER_INPUT naming every problem noted so far, if any. */
  throwIfProblems(): void {
    if (this.problems.length > 0) throw badInput(this.problems);
  }

  reference(type: ReferenceType, key: string, path: string): void {
    this.references.push({ type, key, path });
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

  /** The items of an array value, each with its path (a non-array is a problem). */
  items(value: unknown, path: string): { value: unknown; path: string }[] {
    if (!Array.isArray(value)) {
      this.problem(path, `expected an array, got ${describe(value)}`);
      return [];
    }
    return value.map((item, index) => ({ value: item, path: `${path}[${index}]` }));
  }
}
