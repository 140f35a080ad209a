import type { GraphQLError } from "graphql";
import type { InputProblem } from "../errors";
import type { ImportResult } from "./import-result";

/** Lines a CLI prints for an import: totals, then one line per record type that had any record. */
export function describeImport(label: string, result: ImportResult): string[] {
  const totals = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
  const lines = [result.dryRun ? `${label}: dry run, nothing written; would be ${totals}` : `${label}: ${totals}`];
  for (const [type, counts] of Object.entries(result.byType)) {
    if (counts.created + counts.updated + counts.unchanged === 0) continue;
    lines.push(`  ${type}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
  }
  return lines;
}

/** The problems of a BAD_USER_INPUT import error, one `path: message` line each (the message alone otherwise). */
export function describeProblems(error: GraphQLError): string[] {
  const problems = error.extensions.problems;
  if (!Array.isArray(problems)) return [error.message];
  const lines = problems.map((problem: InputProblem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
  const more = error.extensions.moreProblems;
  return typeof more === "number" ? [...lines, `... and ${more} more problems`] : lines;
}
