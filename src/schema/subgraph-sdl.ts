import path from "node:path";
import { getDocumentNodeFromSchema } from "@graphql-tools/utils";
import { type DefinitionNode, type DocumentNode, type GraphQLSchema, print } from "graphql";

/**
 * The subgraph SDL: what `_service { sdl }` answers, what `@apollo/composition` composes and what is
 * committed at `src/schema/schema.graphql`. Type definitions are sorted by name (fields keep their
 * declared order) so the file only changes when the schema does, not when resolvers are imported in
 * another order.
 */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible"])';

/** The committed SDL file, resolved from `dist/src/schema` back to the sources. */
export const SCHEMA_FILE = path.resolve(__dirname, "../../../src/schema/schema.graphql");

function definitionName(definition: DefinitionNode): string {
  return "name" in definition && definition.name ? definition.name.value : "";
}

function sortedDefinitions(document: DocumentNode): DocumentNode {
  const definitions = [...document.definitions].sort((a, b) => definitionName(a).localeCompare(definitionName(b), "en"));
  return { ...document, definitions };
}

/** The type-graphql schema printed with its directives (`@key` etc.), behind the federation `@link`. */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  const document = sortedDefinitions(getDocumentNodeFromSchema(schema));
  return `${FEDERATION_LINK}\n\n${print(document)}\n`;
}
