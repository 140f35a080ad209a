import { Arg } from "type-graphql";
import { DateScalar } from "./scalars";

/** The `asOf` argument of period lists (memberships, positions, officials); a plain scalar argument. */
export function AsOfArg() {
  return Arg("asOf", () => DateScalar, {
    nullable: true,
    description:
      "Only what held on this day: since ≤ asOf ≤ until, both inclusive; a null since or until is open-ended. " +
      "Bounds are whole days (one known only to a month or year is stored as the first day of that period). " +
      "Omit for every period ever recorded.",
  });
}
