import { Field, InputType } from "type-graphql";

/** STUB (FILTER helper): conditions on coalitions; fields are being filled in. */
@InputType("CoalitionFilter", { description: "Conditions on coalitions; every condition given must hold." })
export class CoalitionFilter {
  @Field(() => [CoalitionFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: CoalitionFilter[] | null;

  @Field(() => [CoalitionFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: CoalitionFilter[] | null;

  @Field(() => CoalitionFilter, { nullable: true, description: "This filter does not hold." })
  not?: CoalitionFilter | null;
}
