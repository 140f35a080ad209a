import { type GraphQLSchema, getVariableValues, Kind, type OperationDefinitionNode, type TypeNode } from "graphql";
import type { InputProblem } from "../errors";

/** Query-string parameters of `/saved/{name}` that are not variables. */
export const RESERVED_PARAMETERS = ["format", "path"] as const;

/** One query-string value, or several when the parameter is repeated (`?topics=a&topics=b`). */
export type QueryStringValue = string | string[];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Reads query-string text as the variable's declared type (from the document, so no schema is needed):
 * numbers for Int/Float, true/false for Boolean, lists from repeated parameters or `[...]` JSON, JSON
 * for `{...}` (input objects), text for everything else (String, ID, enums, Date). Text that does not
 * fit is passed on as is, so GraphQL's own coercion names the variable in its error.
 */
function fromText(type: TypeNode, value: QueryStringValue): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) return fromText(type.type, value);
  if (type.kind === Kind.LIST_TYPE) {
    if (Array.isArray(value)) return value.map((item) => fromText(type.type, item));
    return value.trimStart().startsWith("[") ? parseJson(value) : [fromText(type.type, value)];
  }
  const text = Array.isArray(value) ? (value.at(-1) ?? "") : value;
  const name = type.name.value;
  if (name === "Int" || name === "Float") return NUMBER.test(text) ? Number(text) : text;
  if (name === "Boolean") return text === "true" ? true : text === "false" ? false : text;
  return text.trimStart().startsWith("{") ? parseJson(text) : text;
}

/** Query-string parameters as typed variable values; a parameter the operation does not declare is a problem. */
export function variablesFromQueryString(
  operation: OperationDefinitionNode,
  query: Record<string, QueryStringValue>,
): { values: Record<string, unknown>; problems: InputProblem[] } {
  const declared = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition]),
  );
  const values: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  for (const [name, raw] of Object.entries(query)) {
    if ((RESERVED_PARAMETERS as readonly string[]).includes(name)) continue;
    const definition = declared.get(name);
    if (!definition) {
      problems.push({ path: name, message: `the saved query declares no variable $${name}` });
      continue;
    }
    values[name] = fromText(definition.type, raw);
  }
  return { values, problems };
}

/**
 * Coerces variable values as GraphQL execution would; every problem names its variable
 * (`Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"`).
 */
export function checkVariableValues(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  values: Record<string, unknown>,
): InputProblem[] {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], values, { maxErrors: 50 });
  if (!result.errors) return [];
  return result.errors.map((error) => {
    const name = /^Variable "\$([^"]+)"/.exec(error.message)?.[1];
    return { path: name ? `variables.${name}` : "variables", message: error.message };
  });
}

/**
 * Default values saved with a query: each must be a variable the document declares and must fit its
 * type (variables without a default may still be missing: they are given at run time).
 */
export function checkDefaultVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  defaults: Record<string, unknown>,
): InputProblem[] {
  const declared = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  const problems: InputProblem[] = [];
  for (const name of Object.keys(defaults)) {
    if (!declared.has(name)) problems.push({ path: `variables.${name}`, message: `the document declares no variable $${name}` });
  }
  const given = (operation.variableDefinitions ?? []).filter((definition) =>
    Object.hasOwn(defaults, definition.variable.name.value),
  );
  const result = getVariableValues(schema, given, defaults, { maxErrors: 50 });
  for (const error of result.errors ?? []) problems.push({ path: "variables", message: error.message });
  return problems;
}
