import type { SqlParams } from "./sql-params";

/**
 * Case-insensitive "contains" on a text expression, as `ILIKE '%…%'` with the user's `%`, `_` and `\` escaped, so a
 * trigram index on the expression (e.g. `official_name_trgm_idx`) can serve it.
 */
export function textContains(expression: string, value: string, params: SqlParams): string {
  const pattern = `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return `${expression} ILIKE ${params.add(pattern)}`;
}
