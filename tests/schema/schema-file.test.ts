import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { buildTypeGraphqlSchema } from "../../src/schema/build-schema";
import { printSubgraphSdl, SCHEMA_FILE } from "../../src/schema/subgraph-sdl";

test("the committed src/schema/schema.graphql is what the code builds", async () => {
  const built = printSubgraphSdl(await buildTypeGraphqlSchema());
  const committed = await readFile(SCHEMA_FILE, "utf8").catch(() => "(missing)");
  assert.ok(committed === built, "src/schema/schema.graphql is stale: run `npm run print-schema` and commit the file");
});

test("the printed SDL links Federation 2 and is stable from one build to the next", async () => {
  const first = printSubgraphSdl(await buildTypeGraphqlSchema());
  const second = printSubgraphSdl(await buildTypeGraphqlSchema());
  assert.equal(first, second);
  assert.match(first, /^extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
});
