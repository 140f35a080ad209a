import type { Problems } from "./problems";

/** A period's end may not come before its start (dates are ISO strings, so they compare as text). */
export function checkPeriod(period: { since?: string | null; until?: string | null }, path: string, problems: Problems): void {
  if (period.since && period.until && period.until < period.since)
    problems.add(`${path}.until`, `must not be before since (${period.since})`);
}
