/**
 * Places in the schema a hostile test must cover, found by walking the schema itself: every connection that takes
 * cursors, every argument and input field of scalar type Date, each with a request that reaches it from Query (or
 * Mutation). New fields are covered without listing them here.
 */
import { type FullType, type InputValue, isList, isRequired, named, SCHEMA_QUERY, type TypeRef } from "./hostile-schema";
import { postGraphql } from "./security-support";

/** A connection field (`after`/`before` arguments) somewhere in the schema, with a way to reach it from Query. */
export interface ConnectionSite {
  /** `Type.field`, e.g. `Coalition.meetings`. */
  label: string;
  /** Its cursor arguments (`after`, and `before` where it pages backwards). */
  cursorArgs: string[];
  /** Each order it offers, as argument text (`orderBy: { field: DATE, direction: ASC }`); one empty text when none. */
  orders: string[];
  /** The field called with `args`, under `alias`, inside the selections that reach its type from Query (with the parents' `id`). */
  call(alias: string, args: string, selection: string): string;
  /** The type the field is on (`Query` for a root connection). */
  parentType: string;
  /** The field called on one parent reached by `node(id:)` (nullable: a refusal nulls this alias alone). */
  callOnNode(alias: string, nodeId: string, args: string, selection: string): string;
}

/** One step from Query towards a type: a field, and whether it returns a connection (then read through `nodes`). */
interface Step {
  field: string;
  connection: boolean;
}

/** A request putting `$d: Date!` (or `DateTime!`) into one slot of that type in the schema. */
export interface DateRequest {
  /** `Type.field(argument)` for an argument, `Input.field` for an input field. */
  slot: string;
  document: string;
}

const HARMLESS_REQUIRED: Record<string, string> = { String: '"coalition"', Int: "1", Boolean: "false" };

export class SchemaSites {
  private constructor(private readonly types: Map<string, FullType>) {}

  static async load(url: string, headers: Record<string, string> = {}): Promise<SchemaSites> {
    const response = await postGraphql(url, { query: SCHEMA_QUERY }, headers);
    const data = response.json?.data as { __schema: { types: FullType[] } } | undefined;
    if (!data) throw new Error(`introspection failed: ${response.text.slice(0, 300)}`);
    return new SchemaSites(new Map(data.__schema.types.map((type) => [type.name, type])));
  }

  /** The shortest path of argument-free fields from Query to every object type (connections read through `nodes`). */
  private paths(): Map<string, Step[]> {
    const paths = new Map<string, Step[]>([["Query", []]]);
    const queue = ["Query"];
    for (let typeName = queue.shift(); typeName !== undefined; typeName = queue.shift()) {
      for (const field of this.types.get(typeName)?.fields ?? []) {
        if (field.name.startsWith("_") || field.args.some((arg) => isRequired(arg.type))) continue;
        let target = named(field.type).name ?? "";
        const connection = target.endsWith("Connection");
        if (connection)
          target = named(this.types.get(target)?.fields?.find((f) => f.name === "nodes")?.type as TypeRef).name ?? "";
        if (this.types.get(target)?.kind !== "OBJECT" || paths.has(target)) continue;
        paths.set(target, [...(paths.get(typeName) ?? []), { field: field.name, connection }]);
        queue.push(target);
      }
    }
    return paths;
  }

  /** Every field in the schema that returns a `*Connection` and takes `after`, on every type Query can reach. */
  connectionSites(): ConnectionSite[] {
    const sites: ConnectionSite[] = [];
    for (const [typeName, steps] of this.paths()) {
      for (const field of this.types.get(typeName)?.fields ?? []) {
        if (!(named(field.type).name ?? "").endsWith("Connection") || !field.args.some((arg) => arg.name === "after")) continue;
        const required = field.args
          .filter((arg) => isRequired(arg.type))
          .map((arg) => `${arg.name}: ${HARMLESS_REQUIRED[named(arg.type).name ?? ""] ?? "null"}`);
        sites.push({
          label: `${typeName}.${field.name}`,
          cursorArgs: ["after", "before"].filter((name) => field.args.some((arg) => arg.name === name)),
          orders: this.ordersOf(field.args.find((arg) => arg.name === "orderBy")),
          parentType: typeName,
          call: (alias, args, selection) => {
            const inner = `${field.name}(${[...required, args].filter(Boolean).join(", ")}) { ${selection} }`;
            return wrapSteps(steps, alias, typeName === "Query" ? inner : `id ${inner}`);
          },
          callOnNode: (alias, nodeId, args, selection) =>
            `${alias}: node(id: ${JSON.stringify(nodeId)}) { ... on ${typeName} { ${field.name}(${[...required, args].filter(Boolean).join(", ")}) { ${selection} } } }`,
        });
      }
    }
    return sites;
  }

  /**
   * Each sort field an `orderBy` argument accepts (`{ field: X, direction: ASC }`; the direction does not change what
   * a cursor holds, the field does); `[""]` when there is no `orderBy`.
   */
  private ordersOf(orderBy: InputValue | undefined): string[] {
    if (!orderBy) return [""];
    const input = this.types.get(named(orderBy.type).name ?? "");
    const valuesOf = (name: string) =>
      this.types.get(named(input?.inputFields?.find((field) => field.name === name)?.type as TypeRef).name ?? "")?.enumValues ??
      [];
    const [direction] = valuesOf("direction");
    return valuesOf("field").map((field) => `orderBy: { field: ${field.name}, direction: ${direction?.name} }`);
  }

  /**
   * One request per argument or input field of scalar type Date (or DateTime) (`Coalition.members(asOf)`, `MeetingFilter.from`,
   * `CreateMeetingInput.date`), the value in the variable `$d`; other required values get harmless fillers
   * (`unique` keeps created keys apart). Input fields are reached from the first argument that leads to them.
   */
  dateRequests(unique: string, scalar: "Date" | "DateTime" = "Date"): DateRequest[] {
    const requests = new Map<string, DateRequest>();
    const roots: [string, Step[], "query" | "mutation"][] = [...this.paths()].map(([type, steps]) => [type, steps, "query"]);
    roots.push(["Mutation", [], "mutation"]);
    for (const [typeName, steps, operation] of roots) {
      for (const field of this.types.get(typeName)?.fields ?? []) {
        if (field.name.startsWith("_")) continue;
        for (const arg of field.args) {
          for (const [slot, value] of this.dateValuesIn(scalar, arg, `${typeName}.${field.name}(${arg.name})`, unique)) {
            if (requests.has(slot)) continue;
            const args = field.args
              .filter((other) => other === arg || isRequired(other.type))
              .map((other) => `${other.name}: ${other === arg ? value : this.filler(other.type, unique, 0)}`);
            const call = `${field.name}(${args.join(", ")})${this.selection(field.type)}`;
            const document = `${operation} ($d: ${scalar}!) { ${wrapSteps(steps, "a", call)} }`;
            requests.set(slot, { slot, document });
          }
        }
      }
    }
    return [...requests.values()];
  }

  /** The Date slots inside one argument, each with the argument's literal text holding `$d` there. */
  private dateValuesIn(scalar: string, arg: InputValue, label: string, unique: string, depth = 0): [string, string][] {
    const base = named(arg.type);
    const wrap = (text: string) => (isList(arg.type) ? `[${text}]` : text);
    if (base.name === scalar) return [[label, wrap("$d")]];
    const input = this.types.get(base.name ?? "");
    if (input?.kind !== "INPUT_OBJECT" || depth > 3) return [];
    const found: [string, string][] = [];
    for (const field of input.inputFields ?? []) {
      const slotLabel = named(field.type).name === scalar ? `${input.name}.${field.name}` : label;
      for (const [slot, value] of this.dateValuesIn(scalar, field, slotLabel, unique, depth + 1)) {
        const others = (input.inputFields ?? [])
          .filter((other) => other !== field && isRequired(other.type))
          .map((other) => `${other.name}: ${this.filler(other.type, unique, depth + 1, other.name)}`);
        found.push([slot, wrap(`{ ${[...others, `${field.name}: ${value}`].join(", ")} }`)]);
      }
    }
    return found;
  }

  /** A harmless literal of a required type: a unique string, the first enum value, required input fields filled in. */
  private filler(type: TypeRef, unique: string, depth: number, name = ""): string {
    const base = named(type);
    const scalars: Record<string, string> = {
      String: `"${unique}"`,
      ID: `"${unique}"`,
      Int: "1",
      Float: "1",
      Boolean: "false",
      JSON: "{}",
      Date: '"2026-01-06"',
      DateTime: '"2026-01-06T00:00:00Z"',
    };
    const definition = this.types.get(base.name ?? "");
    let text = name === "lang" ? '"en"' : (scalars[base.name ?? ""] ?? "null");
    if (definition?.kind === "ENUM") text = definition.enumValues?.[0]?.name ?? "null";
    if (definition?.kind === "INPUT_OBJECT" && depth < 4) {
      const fields = (definition.inputFields ?? []).filter((field) => isRequired(field.type));
      text = `{ ${fields.map((field) => `${field.name}: ${this.filler(field.type, unique, depth + 1, field.name)}`).join(", ")} }`;
    }
    return isList(type) ? `[${text}]` : text;
  }

  /** What makes a field do its work: `totalCount` of a connection, else `__typename` of an object; nothing for a scalar. */
  private selection(type: TypeRef): string {
    const target = this.types.get(named(type).name ?? "");
    if (!target || target.kind === "SCALAR" || target.kind === "ENUM") return "";
    return target.fields?.some((field) => field.name === "totalCount") ? " { totalCount }" : " { __typename }";
  }

  /** The type's definition as introspection gave it. */
  type(name: string): FullType | undefined {
    return this.types.get(name);
  }
}

/** `inner` nested in the steps from Query (connections with `first: 3`, then `nodes`), the outermost field aliased. */
function wrapSteps(steps: Step[], alias: string, inner: string): string {
  let text = inner;
  for (const step of [...steps].reverse()) {
    text = step.connection ? `${step.field}(first: 3) { nodes { ${text} } }` : `${step.field} { ${text} }`;
  }
  return `${alias}: ${text}`;
}
