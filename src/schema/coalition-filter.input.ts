import { Field, InputType } from "type-graphql";
import { DateScalar } from "./scalars";

@InputType("CoalitionFilter", {
  description:
    "Conditions on coalitions; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs or codes are a BAD_USER_INPUT error naming them.",
})
export class CoalitionFilter {
  @Field(() => [String], { nullable: true, description: "The coalition's slug is any of these." })
  slugs?: string[] | null;

  @Field(() => String, { nullable: true, description: "The name, in any language held, contains this text (case-insensitive)." })
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Any of these states (codes) is a member: on `asOf` when given, else at any time recorded.",
  })
  hasMember?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The day `hasMember` looks at (membership since ≤ asOf ≤ until, null bounds open-ended). Alone, it keeps coalitions founded on or before that day (an unknown founding date counts as founded).",
  })
  asOf?: string | null;

  @Field(() => [CoalitionFilter], {
    nullable: true,
    description: "Every one of these filters holds (an empty list always holds).",
  })
  and?: CoalitionFilter[] | null;

  @Field(() => [CoalitionFilter], {
    nullable: true,
    description: "At least one of these filters holds (an empty list never holds).",
  })
  or?: CoalitionFilter[] | null;

  @Field(() => CoalitionFilter, { nullable: true, description: "This filter does not hold." })
  not?: CoalitionFilter | null;
}
