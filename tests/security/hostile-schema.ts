/**
 * Builds hostile requests from the schema itself, so every root field and every filter field the
 * other helpers add is covered without listing them here: each String/ID slot (an argument, or a
 * field of an input object argument such as MeetingFilter) receives the hostile value in turn.
 */
import { postGraphql } from "./security-support";

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

export interface InputValue {
  name: string;
  type: TypeRef;
}

export interface FullType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
export const SCHEMA_QUERY = `{ __schema { queryType { name } types { kind name
  fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
  inputFields { name type { ${TYPE_REF} } } enumValues { name } } } }`;

export interface HostileCase {
  /** Where the value went, e.g. `meetings(filter.coalitions)`. */
  slot: string;
  query: string;
  variables: Record<string, unknown>;
}

export function named(type: TypeRef): TypeRef {
  return type.ofType ? named(type.ofType) : type;
}

export function isList(type: TypeRef): boolean {
  if (type.kind === "NON_NULL") return isList(type.ofType as TypeRef);
  return type.kind === "LIST";
}

export function isRequired(type: TypeRef): boolean {
  return type.kind === "NON_NULL";
}

export class HostileSchema {
  private constructor(private readonly types: Map<string, FullType>) {}

  static async load(url: string): Promise<HostileSchema> {
    const response = await postGraphql(url, { query: SCHEMA_QUERY });
    const data = response.json?.data as { __schema: { types: FullType[] } } | undefined;
    if (!data) throw new Error(`introspection failed: ${response.text.slice(0, 300)}`);
    return new HostileSchema(new Map(data.__schema.types.map((type) => [type.name, type])));
  }

  private type(name: string | null): FullType | undefined {
    return name ? this.types.get(name) : undefined;
  }

  /** A harmless value of a required argument that is not a hostile slot (enum lists, ints, JSON). */
  private filler(type: TypeRef): unknown {
    const base = named(type);
    const enumValues = this.type(base.name)?.enumValues;
    const value =
      base.kind === "ENUM" && enumValues ? enumValues[0].name : base.name === "Int" ? 1 : base.name === "Boolean" ? false : {};
    return isList(type) ? [value] : value;
  }

  /** A selection that makes the field do its work: totalCount and nodes of connections, else __typename. */
  private selection(type: TypeRef): string {
    const target = this.type(named(type).name);
    if (!target || (target.kind !== "OBJECT" && target.kind !== "INTERFACE" && target.kind !== "UNION")) return "";
    const fieldNames = new Set((target.fields ?? []).map((field) => field.name));
    const parts = ["__typename"];
    if (fieldNames.has("totalCount")) parts.push("totalCount");
    if (fieldNames.has("nodes")) parts.push("nodes { __typename }");
    return ` { ${parts.join(" ")} }`;
  }

  /** String/ID paths inside an input object (one level of nesting; `and`/`or`/`not` are the same fields again). */
  private inputSlots(typeName: string | null): { path: string[]; list: boolean }[] {
    const input = this.type(typeName);
    return (input?.inputFields ?? [])
      .filter((field) => ["String", "ID"].includes(named(field.type).name ?? ""))
      .map((field) => ({ path: [field.name], list: isList(field.type) }));
  }

  /** One request per root query field and String/ID slot, with `value` in that slot. */
  casesFor(value: string): HostileCase[] {
    const queryType = this.type("Query");
    const cases: HostileCase[] = [];
    for (const field of queryType?.fields ?? []) {
      if (field.name.startsWith("_")) continue;
      const required = field.args.filter((arg) => isRequired(arg.type));
      const call = (slotArg: string, slotValue: unknown, slot: string) => {
        const variables: Record<string, unknown> = { [slotArg]: slotValue };
        for (const arg of required) if (arg.name !== slotArg) variables[arg.name] = this.filler(arg.type);
        const args = field.args.filter((arg) => arg.name in variables);
        const declarations = args.map((arg) => `$${arg.name}: ${printType(arg.type)}`).join(", ");
        const passing = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
        const query = `query Hostile(${declarations}) { ${field.name}(${passing})${this.selection(field.type)} }`;
        cases.push({ slot, query, variables });
      };
      for (const arg of field.args) {
        const base = named(arg.type);
        if (base.name === "String" || base.name === "ID") {
          call(arg.name, isList(arg.type) ? [value] : value, `${field.name}(${arg.name})`);
        } else if (base.kind === "INPUT_OBJECT") {
          for (const slot of this.inputSlots(base.name)) {
            const inner = { [slot.path[0]]: slot.list ? [value] : value };
            call(arg.name, isList(arg.type) ? [inner] : inner, `${field.name}(${arg.name}.${slot.path.join(".")})`);
          }
        }
      }
    }
    return cases;
  }
}

function printType(type: TypeRef): string {
  if (type.kind === "NON_NULL") return `${printType(type.ofType as TypeRef)}!`;
  if (type.kind === "LIST") return `[${printType(type.ofType as TypeRef)}]`;
  return type.name ?? "String";
}
