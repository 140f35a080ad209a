import { Field, InputType } from "type-graphql";

/** STUB (FILTER helper): conditions on states; fields are being filled in. */
@InputType("StateFilter", { description: "Conditions on states; every condition given must hold." })
export class StateFilter {
  @Field(() => [StateFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: StateFilter[] | null;

  @Field(() => [StateFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: StateFilter[] | null;

  @Field(() => StateFilter, { nullable: true, description: "This filter does not hold." })
  not?: StateFilter | null;
}
