/**
 * As-of semantics shared by memberships and positions: a period [since, until] holds on `asOf` when
 * since ≤ asOf ≤ until, both bounds inclusive; a NULL bound is open-ended (an unknown start counts as
 * "always", a missing end as "still"). Bounds are whole days: a bound known only to a month or year is
 * stored as a day (the import writes the first day of the period), and compared as that day.
 */
export function asOfCondition(alias: string, asOfParam: string): string {
  return `(${alias}.since IS NULL OR ${alias}.since <= ${asOfParam}::date) AND (${alias}.until IS NULL OR ${alias}.until >= ${asOfParam}::date)`;
}
