import { type DocumentNode, visit } from "graphql";
import { type OperationCheck } from "./operation-check";
import { queryTooComplex } from "./query-too-complex";

/** How deeply list and object literals nest in the document's arguments (`{ not: { not: {} } }` is 3). */
export function literalDepth(document: DocumentNode): number {
  let depth = 0;
  let deepest = 0;
  const enter = () => {
    depth += 1;
    deepest = Math.max(deepest, depth);
  };
  const leave = () => {
    depth -= 1;
  };
  // graphql-js's visit keeps its own stack, so no nesting can overflow the call stack here.
  visit(document, { ObjectValue: { enter, leave }, ListValue: { enter, leave } });
  return deepest;
}

/**
 * How deeply arrays and objects nest in the variables, walked without recursion. Only arrays and objects are
 * queued: a list of 100,000 strings allocating an entry per string cost ~140 ms of a refused request.
 */
export function valueDepth(root: unknown): number {
  if (typeof root !== "object" || root === null) return 0;
  let deepest = 0;
  const pending: [object, number][] = [[root, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const item of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof item === "object" && item !== null) pending.push([item, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Refuses arguments nested deeper than `maxInputDepth` (MAX_INPUT_DEPTH), in the document or in
 * the variables (whose own object does not count), before graphql-js coerces them and the filter
 * compilers recurse into them: thousands of `not`/`and` levels would otherwise overflow a stack.
 */
export function inputDepthCheck(maxInputDepth: number): OperationCheck {
  const literalDepths = new WeakMap<DocumentNode, number>();
  return ({ document, variables }) => {
    const literals = literalDepths.get(document) ?? literalDepth(document);
    literalDepths.set(document, literals);
    const depth = Math.max(literals, Math.max(0, valueDepth(variables) - 1));
    if (depth > maxInputDepth) throw queryTooComplex("maxInputDepth", depth, maxInputDepth);
  };
}
