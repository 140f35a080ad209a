import type { SqlParams } from "./sql-params";

/**
 * Inclusive date bounds on a date known to a day, month or year (`precision` column; a MONTH or YEAR date is
 * stored as the first day of its period). A less precise date stands for its whole period and matches a bound
 * when the period reaches it: "January 2026" matches `from: 2026-01-20` and `to: 2026-01-05`. A NULL date never
 * matches. The first conjunct of each bound is a plain range on the date column, so a date index can serve it.
 */
export function dateFromCondition(dateColumn: string, precisionColumn: string, from: string, params: SqlParams): string {
  const bound = `${params.add(from)}::date`;
  return `${dateColumn} >= date_trunc('year', ${bound}::timestamp)::date AND ${periodEnd(dateColumn, precisionColumn)} >= ${bound}`;
}

/** A period starts at its stored date (the first day of the month or year), so `to` is a plain comparison. */
export function dateToCondition(dateColumn: string, to: string, params: SqlParams): string {
  return `${dateColumn} <= ${params.add(to)}::date`;
}

function periodEnd(dateColumn: string, precisionColumn: string): string {
  return `CASE ${precisionColumn} WHEN 'YEAR' THEN (date_trunc('year', ${dateColumn}::timestamp) + interval '1 year - 1 day')::date WHEN 'MONTH' THEN (date_trunc('month', ${dateColumn}::timestamp) + interval '1 month - 1 day')::date ELSE ${dateColumn} END`;
}

/** Inclusive day bounds on a timestamp column: `from` at the start of its day (UTC), `to` through the end of its day. */
export function timestampFromCondition(column: string, from: string, params: SqlParams): string {
  return `${column} >= (${params.add(from)}::date)::timestamp AT TIME ZONE 'UTC'`;
}

export function timestampToCondition(column: string, to: string, params: SqlParams): string {
  return `${column} < (${params.add(to)}::date + 1)::timestamp AT TIME ZONE 'UTC'`;
}
