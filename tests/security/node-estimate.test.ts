import assert from "node:assert/strict";
import { before, test } from "node:test";
import { type GraphQLSchema, getOperationAST, parse } from "graphql";
import { operationAliases } from "../../src/plugins/alias-limit";
import { operationDepth } from "../../src/plugins/depth-limit";
import { operationDirectives } from "../../src/plugins/directive-limit";
import { estimateNodes } from "../../src/plugins/node-limit";
import { countTokens } from "../../src/plugins/token-limit";
import { buildChancerySchema } from "../../src/schema/build-schema";

let schema: GraphQLSchema;
before(async () => {
  schema = await buildChancerySchema();
});

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document);
  assert.ok(operation);
  return {
    nodes: estimateNodes(schema, document, operation, variables),
    depth: operationDepth(document, operation),
    aliases: operationAliases(document, operation),
    directives: operationDirectives(document, operation),
  };
}

test("the contract's canonical question: 20 meetings, each with five lists of 20 (and sources' one object each)", () => {
  const { nodes, depth } = measure(`{ coalition(slug: "coalition-of-the-willing") {
    meetings(filter: { topics: ["troop-deployment"] }) { totalCount
      nodes { slug title date format location { city country { code } }
              participants { official { name } representing { code } role }
              topics { slug } outcomes { kind summary } sources { source { publisher url } quote } } } } }`);
  assert.equal(nodes, 20 + 20 * (4 * 20));
  assert.equal(depth, 6);
});

test("a fragment counts where it is spread, as often as it is spread; inline fragments count once", () => {
  const { nodes, aliases, directives } = measure(`
    { meetings(first: 10) { nodes { ...Parts ...Parts ... on Meeting @include(if: true) { topics { slug } } } } }
    fragment Parts on Meeting { p: participants { role } }`);
  assert.equal(nodes, 10 + 10 * (20 + 20 + 20));
  assert.equal(aliases, 2);
  assert.equal(directives, 1);
});

test("first and last from variables, last when larger, and ids counted by nodes(ids:)", () => {
  const query = `query ($n: Int, $ids: [ID!]!) { meetings(first: $n) { nodes { slug } } states(last: 50) { nodes { code } } nodes(ids: $ids) { id } }`;
  assert.equal(measure(query, { n: 7, ids: ["a", "b", "c"] }).nodes, 7 + 50 + 3);
  assert.equal(measure(query, { ids: [] }).nodes, 20 + 50);
});

test("a ten-level fragment bomb is measured at once and counted in full", () => {
  const fragments = Array.from({ length: 10 }, (_, i) =>
    i === 9
      ? "fragment F9 on Meeting { topics { slug } }"
      : `fragment F${i} on Meeting { ${Array(10)
          .fill(`...F${i + 1}`)
          .join(" ")} }`,
  ).join(" ");
  assert.equal(measure(`{ meeting(slug: "x") { ...F0 } } ${fragments}`).nodes, 20 * 10 ** 9);
});

test("tokens: punctuation and names count, comments do not", () => {
  assert.equal(countTokens("{ a(b: 1) { c } } # a comment with many words"), 11);
});
