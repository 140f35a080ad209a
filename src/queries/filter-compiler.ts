import type { CompiledFilter } from "./filter-logic";
import type { SqlParams } from "./sql-params";

/** The agreed shape of every `compile<Type>Filter`: one boolean SQL expression over `alias`, values bound via `params`. */
export type CompileFilter<F> = (filter: F | null | undefined, alias: string, params: SqlParams) => CompiledFilter;
