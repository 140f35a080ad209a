/**
 * `npm run print-schema`: writes the subgraph SDL to src/schema/schema.graphql. The schema test fails
 * while the committed file differs from what the code builds.
 */
import { writeFile } from "node:fs/promises";
import { buildTypeGraphqlSchema } from "../schema/build-schema";
import { printSubgraphSdl, SCHEMA_FILE } from "../schema/subgraph-sdl";

async function main(): Promise<void> {
  const sdl = printSubgraphSdl(await buildTypeGraphqlSchema());
  await writeFile(SCHEMA_FILE, sdl, "utf8");
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
