import { type DocumentNode, visit } from "graphql";
import { clientError, ErrorCode, type InputProblem } from "../errors";
import { type OperationCheck } from "./operation-check";

const NUL = "\u0000";
/** A NUL reaches a string literal as itself or as an escape (`\u0000`, `\u{0}`): the walk is skipped for text with neither. */
const NUL_ESCAPE = /\\u(0000|\{0+\})/;
const MESSAGE = "text may not contain the NUL character (U+0000), which PostgreSQL cannot store or compare";

/**
 * Paths of the variable values that hold a NUL (`variables.filter.text`, `variables.ids[2]`), in document order;
 * iterative (a stack of open arrays and objects), for any nesting. Strings are checked where they are met and a
 * path is only written for a hit: a queue entry and a path per item cost ~90 ms for a list of 100,000 strings.
 */
function nulPathsInValue(root: unknown, rootPath: string): string[] {
  const paths: string[] = [];
  const open: { entries: Iterator<[string | number, unknown]>; path: string }[] = [];
  const visit = (value: unknown, path: () => string) => {
    if (typeof value === "string") {
      if (value.includes(NUL)) paths.push(path());
    } else if (typeof value === "object" && value !== null) {
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value)[Symbol.iterator]();
      open.push({ entries, path: path() });
    }
  };
  visit(root, () => rootPath);
  while (open.length > 0) {
    const top = open[open.length - 1];
    const next = top.entries.next();
    if (next.done) {
      open.pop();
      continue;
    }
    const [key, item] = next.value;
    visit(item, () => (typeof key === "number" ? `${top.path}[${key}]` : `${top.path}.${key}`));
  }
  return paths;
}

/** Locations of string literals in the document that hold a NUL (`\u0000` in the query text). */
function nulPathsInDocument(document: DocumentNode): string[] {
  const paths: string[] = [];
  visit(document, {
    StringValue(node) {
      if (node.value.includes(NUL)) paths.push(node.loc ? `query line ${node.loc.startToken.line}` : "query");
    },
  });
  return paths;
}

/**
 * Refuses, with BAD_USER_INPUT naming where, any request whose arguments or variables carry U+0000:
 * PostgreSQL text cannot hold it, so it would otherwise fail deep in a query as a server error.
 */
export const nulCharacterCheck: OperationCheck = ({ document, variables, source }) => {
  const inDocument = source.includes(NUL) || NUL_ESCAPE.test(source) ? nulPathsInDocument(document) : [];
  const paths = [...inDocument, ...nulPathsInValue(variables, "variables")];
  if (paths.length === 0) return;
  const problems: InputProblem[] = paths.map((path) => ({ path, message: MESSAGE }));
  const message = problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
  // Refused before execution: HTTP 400 (Apollo answers 500 for a plugin error without a status).
  throw clientError(ErrorCode.BAD_USER_INPUT, message, { problems, http: { status: 400 } });
};
