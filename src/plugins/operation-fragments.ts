import { type DocumentNode, type FragmentDefinitionNode, Kind } from "graphql";

/** The fragments of a document by name. */
export function fragmentsByName(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Folds a figure (a sum, a maximum) over a selection set, with every fragment spread counted where
 * it is spread but each fragment measured only once: a document that spreads a fragment ten times
 * at each of ten levels costs ten measurements, not ten billion. A fragment reached again while it
 * is being measured (a cycle, which validation refuses anyway) counts as `empty`.
 */
export class FragmentMemo<T> {
  private readonly values = new Map<string, T>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly empty: T,
  ) {}

  measure(name: string, measureFragment: (fragment: FragmentDefinitionNode) => T): T {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.inProgress.has(name)) return this.empty;
    this.inProgress.add(name);
    const value = measureFragment(fragment);
    this.inProgress.delete(name);
    this.values.set(name, value);
    return value;
  }
}

/** `__schema` and `__type` (introspection) are exempt from the depth and node limits; `__typename` costs nothing. */
export function isIntrospectionField(name: string): boolean {
  return name === "__schema" || name === "__type";
}
