import { type ASTNode, type FieldNode, type GraphQLResolveInfo, Kind, visit } from "graphql";
import { type Projection, projectSelection } from "./selection-projection";

/** Which objects of a field a projection is for: a connection's items, the field's own objects, or search hits' records. */
export type ProjectedPart = "nodes" | "objects" | "hits";

/** Projections compiled in one request (its variables object), by the field's nodes, then part and type. */
const inRequest = new WeakMap<object, WeakMap<readonly FieldNode[], Map<string, Projection | null>>>();

/**
 * Projections compiled across requests: by the field's first node (an object of the parsed document, which
 * Apollo caches per query text), then by part, type and the values of the variables used below the field (which
 * `@skip`/`@include` and `lang` read). The field's own arguments are not among them, so the next page
 * (`after: $cursor`) or other `_entities` representations reuse the projection. At most `VARIANTS_PER_FIELD`
 * entries are kept per field node.
 */
const acrossRequests = new WeakMap<FieldNode, Map<string, Projection | null>>();
const VARIANTS_PER_FIELD = 64;

/**
 * The projection of the `typeName` objects that `select` finds under the field of `info` (null when it finds
 * none, or when they cannot be projected), compiled once for a query and its variables. `omit`: a response key
 * of the objects that the caller fills in itself (see `projectSelection`).
 */
export function cachedProjection(
  info: GraphQLResolveInfo,
  typeName: string,
  part: ProjectedPart,
  select: (info: GraphQLResolveInfo) => readonly FieldNode[] | null,
  omit?: string,
): Projection | null {
  let byFieldNodes = inRequest.get(info.variableValues);
  if (!byFieldNodes) {
    byFieldNodes = new WeakMap();
    inRequest.set(info.variableValues, byFieldNodes);
  }
  let byType = byFieldNodes.get(info.fieldNodes);
  if (!byType) {
    byType = new Map();
    byFieldNodes.set(info.fieldNodes, byType);
  }
  const key = `${part}:${typeName}:${omit ?? ""}`;
  if (byType.has(key)) return byType.get(key) ?? null;
  const projection = compiledAcrossRequests(info, typeName, part, select, omit);
  byType.set(key, projection);
  return projection;
}

function compiledAcrossRequests(
  info: GraphQLResolveInfo,
  typeName: string,
  part: ProjectedPart,
  select: (info: GraphQLResolveInfo) => readonly FieldNode[] | null,
  omit: string | undefined,
): Projection | null {
  const anchor = info.fieldNodes[0];
  let byVariables = acrossRequests.get(anchor);
  if (!byVariables) {
    byVariables = new Map();
    acrossRequests.set(anchor, byVariables);
  }
  const used = variablesUsedUnder(info);
  const key = JSON.stringify([part, typeName, omit, info.fieldNodes.length, used.map((name) => info.variableValues[name])]);
  const cached = byVariables.get(key);
  if (cached !== undefined) return cached;
  const nodes = select(info);
  const projection = nodes && nodes.length > 0 ? projectSelection(info, typeName, nodes, omit) : null;
  if (byVariables.size >= VARIANTS_PER_FIELD) byVariables.clear();
  byVariables.set(key, projection);
  return projection;
}

/** Names of the variables used below the field, in its selection sets and the fragments they spread, by first node. */
const variablesByField = new WeakMap<FieldNode, readonly string[]>();

function variablesUsedUnder(info: GraphQLResolveInfo): readonly string[] {
  const anchor = info.fieldNodes[0];
  let names = variablesByField.get(anchor);
  if (!names) {
    names = [...collectVariables(info.fieldNodes, info.fragments)].sort();
    variablesByField.set(anchor, names);
  }
  return names;
}

function collectVariables(fieldNodes: readonly FieldNode[], fragments: GraphQLResolveInfo["fragments"]): Set<string> {
  const names = new Set<string>();
  const spread = new Set<string>();
  const pending: ASTNode[] = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  while (pending.length > 0) {
    visit(pending.pop() as ASTNode, {
      enter(node) {
        if (node.kind === Kind.VARIABLE) names.add(node.name.value);
        if (node.kind !== Kind.FRAGMENT_SPREAD || spread.has(node.name.value)) return;
        const fragment = fragments[node.name.value];
        spread.add(node.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      },
    });
  }
  return names;
}
