import { badInput, type InputProblem } from "../errors";

/** Collects every problem of one write, so the client hears about all of them in one BAD_USER_INPUT error. */
export class Problems {
  readonly list: InputProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  addAll(problems: InputProblem[]): void {
    this.list.push(...problems);
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Throws BAD_USER_INPUT naming every problem collected so far, if any. */
  throwIfAny(): void {
    if (!this.isEmpty) throw badInput(this.list);
  }
}
