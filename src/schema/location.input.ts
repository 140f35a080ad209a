import { Field, InputType } from "type-graphql";

@InputType("LocationInput", { description: "Where a meeting took place." })
export class LocationInput {
  @Field(() => String, { nullable: true, description: "The city." })
  city?: string | null;

  @Field(() => String, { nullable: true, description: "The code of the country (a State; it must exist)." })
  country?: string | null;
}
