import { type ValidationError, validate } from "class-validator";
import type { InputProblem } from "../errors";

function childPath(parent: string, property: string): string {
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function flatten(errors: ValidationError[], parent: string, into: InputProblem[]): void {
  for (const error of errors) {
    const path = childPath(parent, error.property);
    for (const message of Object.values(error.constraints ?? {})) into.push({ path, message });
    flatten(error.children ?? [], path, into);
  }
}

/**
 * Runs the class-validator rules of an input object (and its nested inputs) and returns every failure
 * located by its input path, e.g. `input.participants[0].official`. The mutation arguments opt out of
 * type-graphql's automatic validation so that these problems join the reference problems in one error.
 */
export async function validateInput(input: object, rootPath = "input"): Promise<InputProblem[]> {
  const errors = await validate(input, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  const problems: InputProblem[] = [];
  flatten(errors, rootPath, problems);
  return problems;
}
