import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields";
import { getArgumentValues } from "graphql/execution/values";
import type { SqlParams } from "../sql-params";
import type { FieldProjection, RelatedRows } from "./field-projection";
import { PROJECTED_KEY } from "./projected-object";
import { PROJECTED_TYPES } from "./projected-types";

/** What a selection needs to be compiled: the request's schema, fragments and variables (from `GraphQLResolveInfo`). */
export interface SelectionScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

/**
 * A compiled selection: the SQL of one JSON object per row for the fields a client selected on a record type,
 * each under its `storageKey`. `key` identifies it (equal keys, equal SQL), so batches can share a statement.
 */
export interface Projection {
  key: string;
  /** The object's SQL over the row aliased `alias`; the `lang` values become parameters of `params`. */
  sql(alias: string, params: SqlParams): string;
}

/** A GraphQL name (the parser admits nothing else); checked again since response keys are written into the SQL. */
const RESPONSE_KEY = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** PostgreSQL takes at most 100 arguments per function call: `json_build_object` holds 49 fields besides the marker. */
const MAX_FIELDS_PER_OBJECT = 49;

interface PlannedField {
  responseKey: string;
  name: string;
  projection: FieldProjection;
  lang: string | null;
  /** For objects and lists: the selected fields of the related type. */
  fields?: PlannedField[];
}

/**
 * Compiles the selection of `fieldNodes` (fields returning `typeName`) into a projection, or null when any
 * selected field, at any depth, has no SQL in `PROJECTED_TYPES`, takes an argument other than a localized
 * field's `lang`, or when two selections of one response key disagree. Fragments, `@skip` and `@include`
 * are applied as graphql-js applies them, so the object holds exactly the fields graphql-js will read. `omit`
 * names a response key of the top level that the caller fills in itself (a page fetched with the record).
 */
export function projectSelection(
  scope: SelectionScope,
  typeName: string,
  fieldNodes: readonly FieldNode[],
  omit?: string,
): Projection | null {
  const fields = planFields(scope, typeName, fieldNodes, omit);
  if (!fields) return null;
  return {
    key: planKey(fields),
    sql: (alias, params) => objectSql(fields, alias, params, { next: 0 }),
  };
}

function planFields(
  scope: SelectionScope,
  typeName: string,
  fieldNodes: readonly FieldNode[],
  omit?: string,
): PlannedField[] | null {
  const type = scope.schema.getType(typeName);
  const projections = PROJECTED_TYPES[typeName];
  if (!isObjectType(type) || !projections) return null;
  const selected = collectSubfields(scope.schema, scope.fragments, scope.variableValues, type, fieldNodes);
  const planned: PlannedField[] = [];
  for (const [responseKey, nodes] of selected) {
    if (responseKey === omit) continue;
    if (nodes[0].name.value === "__typename") {
      if (nodes.some((node) => node.name.value !== "__typename")) return null;
      continue;
    }
    const field = planField(scope, type, projections, responseKey, nodes);
    if (!field) return null;
    planned.push(field);
  }
  return planned.length <= MAX_FIELDS_PER_OBJECT ? byStorageKey(planned) : null;
}

/**
 * Where a field's value is stored in the object: a plain value under its field's name, as an entity holds it (so
 * graphql-js, or a resolver reading the property, finds it under any alias); a field with a resolver (localized
 * text, objects, lists) under its response key, which the resolver reads with `projectedValue`.
 */
function storageKey(field: PlannedField): string {
  return field.projection.kind === "value" ? field.name : field.responseKey;
}

/**
 * The fields once per storage key: `a: slug` beside `slug` is one value, stored once. Null when a resolved field's
 * response key names a plain field also selected (`slug: title` beside `slug`): that selection is resolved instead.
 */
function byStorageKey(planned: PlannedField[]): PlannedField[] | null {
  const fields = new Map<string, PlannedField>();
  for (const field of planned) {
    const other = fields.get(storageKey(field));
    if (other && (other.projection.kind !== "value" || field.projection.kind !== "value")) return null;
    if (!other) fields.set(storageKey(field), field);
  }
  return [...fields.values()];
}

function planField(
  scope: SelectionScope,
  type: GraphQLObjectType,
  projections: Record<string, FieldProjection>,
  responseKey: string,
  nodes: readonly FieldNode[],
): PlannedField | null {
  const name = nodes[0].name.value;
  const projection = projections[name];
  if (!RESPONSE_KEY.test(responseKey)) return null;
  const definition = type.getFields()[name];
  if (!projection || !definition || nodes.some((node) => node.name.value !== name)) return null;
  const argumentSets = nodes.map((node) => getArgumentValues(definition, node, scope.variableValues));
  const args = argumentSets[0];
  if (argumentSets.some((other) => JSON.stringify(other) !== JSON.stringify(args))) return null;
  const argNames = Object.keys(args);
  if (projection.kind === "localized") {
    if (argNames.some((argName) => argName !== "lang")) return null;
    return { responseKey, name, projection, lang: (args.lang as string | null | undefined) || null };
  }
  if (argNames.length > 0) return null;
  if (projection.kind === "value") return { responseKey, name, projection, lang: null };
  if (getNamedType(definition.type).name !== projection.type) return null;
  const fields = planFields(scope, projection.type, nodes);
  return fields ? { responseKey, name, projection, lang: null, fields } : null;
}

function planKey(fields: PlannedField[]): string {
  return JSON.stringify(fields, (key, value) => (key === "projection" ? undefined : value));
}

/** A counter for the aliases of related rows, unique within one statement. */
interface Aliases {
  next: number;
}

/**
 * The JSON object of `fields` over the row aliased `alias`. `joins` collects the LEFT JOINs of related objects
 * found by key when the row is a list item (see `listSql`); elsewhere they are subqueries.
 */
function objectSql(fields: PlannedField[], alias: string, params: SqlParams, aliases: Aliases, joins?: string[]): string {
  const entries = fields.map((field) => `'${storageKey(field)}', ${fieldSql(field, alias, params, aliases, joins)}`);
  return `json_build_object('${PROJECTED_KEY}', 1${entries.map((entry) => `, ${entry}`).join("")})`;
}

function fieldSql(field: PlannedField, alias: string, params: SqlParams, aliases: Aliases, joins?: string[]): string {
  const { projection } = field;
  switch (projection.kind) {
    case "value":
      return projection.sql(alias);
    case "localized":
      return localizedSql(`${alias}.${projection.column}`, field.lang, params);
    case "object":
    case "list": {
      aliases.next += 1;
      const child = `r${aliases.next}`;
      const rows = projection.sql(alias, child);
      if (projection.kind === "list") return listSql(field.fields ?? [], rows, child, params, aliases);
      if (rows.join && joins) {
        joins.push(`LEFT JOIN ${rows.join.table} ${child} ON ${rows.join.on}`);
        return `CASE WHEN ${child}.id IS NULL THEN NULL ELSE ${objectSql(field.fields ?? [], child, params, aliases, joins)} END`;
      }
      const object = objectSql(field.fields ?? [], rows.from ? child : alias, params, aliases, rows.from ? undefined : joins);
      if (rows.from) return `(SELECT ${object} ${rows.from})`;
      return rows.nullWhen ? `CASE WHEN ${rows.nullWhen} THEN NULL ELSE ${object} END` : object;
    }
  }
}

/**
 * A list as one json array, in its order. Related objects of its items found by key (a participant's official
 * and state, a citation's source) are LEFT JOINed to the items' rows: PostgreSQL then looks each up with a join
 * it plans once, not with a subquery per item.
 */
function listSql(fields: PlannedField[], rows: RelatedRows, child: string, params: SqlParams, aliases: Aliases): string {
  const joins: string[] = [];
  const object = objectSql(fields, child, params, aliases, joins);
  const order = rows.orderBy ? ` ORDER BY ${rows.orderBy}` : "";
  const items = joins.length > 0 ? `FROM (SELECT ${child}.* ${rows.from}) ${child} ${joins.join(" ")}` : rows.from;
  return `(SELECT coalesce(json_agg(${object}${order}), '[]') ${items})`;
}

/**
 * The text of a localized jsonb value as `pickLocalized` chooses it: the language asked, then its base
 * language (`uk` for `uk-UA`), then English, then the first language by tag.
 */
function localizedSql(jsonb: string, lang: string | null, params: SqlParams): string {
  const choices: string[] = [];
  if (lang) {
    choices.push(`${jsonb} ->> ${params.add(lang)}::text`);
    const base = lang.split("-")[0];
    if (base !== lang) choices.push(`${jsonb} ->> ${params.add(base)}::text`);
  }
  choices.push(`${jsonb} ->> 'en'`);
  choices.push(`(SELECT l.value FROM jsonb_each_text(${jsonb}) AS l(key, value) ORDER BY l.key COLLATE "C" LIMIT 1)`);
  return `coalesce(${choices.join(", ")})`;
}
