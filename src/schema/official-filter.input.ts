import { Field, InputType } from "type-graphql";

/** STUB (FILTER helper): conditions on officials; fields are being filled in. */
@InputType("OfficialFilter", { description: "Conditions on officials; every condition given must hold." })
export class OfficialFilter {
  @Field(() => [OfficialFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: OfficialFilter[] | null;

  @Field(() => [OfficialFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: OfficialFilter[] | null;

  @Field(() => OfficialFilter, { nullable: true, description: "This filter does not hold." })
  not?: OfficialFilter | null;
}
