/**
 * Positional parameters for hand-built SQL: `params.add(value)` stores the value and returns its `$n`
 * placeholder, so user input only ever reaches PostgreSQL as a bound parameter, never as SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
