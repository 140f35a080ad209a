import { Field, InputType } from "type-graphql";
import { DateScalar } from "./scalars";

@InputType("StateFilter", {
  description:
    "Conditions on states; every condition given must hold. A list matches when any of its values does (an empty list matches nothing). Unknown slugs or codes are a BAD_USER_INPUT error naming them.",
})
export class StateFilter {
  @Field(() => [String], { nullable: true, description: "The state's ISO 3166-1 alpha-2 code is any of these." })
  codes?: string[] | null;

  @Field(() => String, { nullable: true, description: "The name, in any language held, contains this text (case-insensitive)." })
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The state is a member of any of these coalitions (slugs): on `asOf` when given, else at any time recorded.",
  })
  memberOf?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The day `memberOf` looks at (membership since ≤ asOf ≤ until, null bounds open-ended). Ignored without `memberOf`.",
  })
  asOf?: string | null;

  @Field(() => [StateFilter], { nullable: true, description: "Every one of these filters holds (an empty list always holds)." })
  and?: StateFilter[] | null;

  @Field(() => [StateFilter], { nullable: true, description: "At least one of these filters holds (an empty list never holds)." })
  or?: StateFilter[] | null;

  @Field(() => StateFilter, { nullable: true, description: "This filter does not hold." })
  not?: StateFilter | null;
}
