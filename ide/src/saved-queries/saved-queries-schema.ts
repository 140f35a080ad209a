import {
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/** The SavedQuery fields the panel can show, in the order it asks for them (docs/api.md, "Saved queries and CSV"). */
const wantedFields = ["name", "title", "description", "document", "variables", "version", "restPath", "updatedAt"] as const;
type WantedField = (typeof wantedFields)[number];

/** What the server's schema offers for saved queries; the panel adapts instead of failing. */
export interface SavedQuerySupport {
  canList: boolean;
  canSave: boolean;
  /** Fields of SavedQuery present in the schema (always includes "name" when canList). */
  fields: WantedField[];
  /** `savedQueries` answers a connection (nodes) rather than a plain list. */
  listIsConnection: boolean;
  /** Name of a String argument of `savedQueries` that searches, when there is one. */
  searchArgument: string | null;
  /** Whether `savedQueries` takes `first` (then the panel asks for 100). */
  acceptsFirst: boolean;
  /** SaveQueryInput.variables is a JSON object (true) or JSON text (false). */
  variablesAsObject: boolean;
}

const searchArgumentNames = ["search", "query", "text", "contains"];

function listedType(field: GraphQLField<unknown, unknown>) {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return { itemType: null, isConnection: false };
  const nodes = type.getFields().nodes;
  if (nodes) {
    const itemType = getNamedType(nodes.type);
    return { itemType: isObjectType(itemType) ? itemType : null, isConnection: true };
  }
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  return { itemType: isListType(unwrapped) ? type : null, isConnection: false };
}

function findSearchArgument(field: GraphQLField<unknown, unknown>): string | null {
  const stringArgument = field.args.find(
    (arg) => searchArgumentNames.includes(arg.name) && getNamedType(arg.type).name === "String",
  );
  return stringArgument?.name ?? null;
}

function variablesTakeObject(schema: GraphQLSchema): boolean {
  const input = schema.getType("SaveQueryInput");
  if (!isInputObjectType(input)) return true;
  const variables = input.getFields().variables;
  if (!variables) return true;
  const type = getNamedType(variables.type);
  return !(isScalarType(type) && type.name === "String");
}

export function detectSavedQuerySupport(schema: GraphQLSchema | null | undefined): SavedQuerySupport {
  const none: SavedQuerySupport = {
    canList: false,
    canSave: false,
    fields: [],
    listIsConnection: false,
    searchArgument: null,
    acceptsFirst: false,
    variablesAsObject: true,
  };
  if (!schema) return none;
  const listField = schema.getQueryType()?.getFields().savedQueries;
  const saveField = schema.getMutationType()?.getFields().saveQuery;
  const listed = listField ? listedType(listField) : { itemType: null, isConnection: false };
  const itemFields = listed.itemType?.getFields() ?? {};
  return {
    canList: Boolean(listField && itemFields.name),
    canSave: Boolean(saveField),
    fields: wantedFields.filter((name) => name in itemFields),
    listIsConnection: listed.isConnection,
    searchArgument: listField ? findSearchArgument(listField) : null,
    acceptsFirst: Boolean(listField?.args.some((arg) => arg.name === "first")),
    variablesAsObject: variablesTakeObject(schema),
  };
}
