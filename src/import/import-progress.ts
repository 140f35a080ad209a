import { AsyncLocalStorage } from "node:async_hooks";

/**
 * How far an import got, for its error when it fails (a statement timeout, a dropped connection): the
 * step it was in, e.g. "inserting participant rows (10,000 of 30,000 written)". The steps note themselves
 * through `progressAt`, which does nothing outside an import.
 */
export class ImportProgress {
  step = "starting";
  /** Rows inserted per table, for the statistics refresh of large loads. */
  readonly inserted = new Map<string, number>();

  at(step: string): void {
    this.step = step;
  }

  /** Adds where the import stopped to the error's message (its code and class stay, for the error classifier). */
  explain(error: unknown): unknown {
    if (error instanceof Error && !error.message.includes("(import stopped while")) {
      error.message = `${error.message} (import stopped while ${this.step})`;
    }
    return error;
  }
}

const current = new AsyncLocalStorage<ImportProgress>();

export function withProgress<T>(progress: ImportProgress, work: () => Promise<T>): Promise<T> {
  return current.run(progress, work);
}

/** Notes the step the running import is in. */
export function progressAt(step: string): void {
  current.getStore()?.at(step);
}

/** Counts rows the running import inserted into a table. */
export function progressRows(table: string, rows: number): void {
  const progress = current.getStore();
  progress?.inserted.set(table, (progress.inserted.get(table) ?? 0) + rows);
}

/** The tables the running import inserted more than `rows` rows into (none outside an import). */
export function largeWrites(rows: number): string[] {
  const progress = current.getStore();
  return progress ? [...progress.inserted].filter(([, count]) => count > rows).map(([table]) => table) : [];
}
