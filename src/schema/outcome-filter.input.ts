import { Field, InputType } from "type-graphql";

/** STUB (FILTER helper): conditions on outcomes; fields are being filled in. */
@InputType("OutcomeFilter", { description: "Conditions on outcomes; every condition given must hold." })
export class OutcomeFilter {
  @Field(() => [OutcomeFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: OutcomeFilter[] | null;

  @Field(() => [OutcomeFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: OutcomeFilter[] | null;

  @Field(() => OutcomeFilter, { nullable: true, description: "This filter does not hold." })
  not?: OutcomeFilter | null;
}
