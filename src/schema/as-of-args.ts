import { ArgsType, Field } from "type-graphql";
import { DateScalar } from "./scalars";

/** The `asOf` argument of period lists (memberships, positions, officials). */
@ArgsType()
export class AsOfArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Only what held on this day: since ≤ asOf ≤ until, both inclusive; a null since or until is open-ended. " +
      "Bounds are whole days (one known only to a month or year is stored as the first day of that period). " +
      "Omit for every period ever recorded.",
  })
  asOf?: string | null;
}
