import { IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { STATE_CODE_MESSAGE, STATE_CODE_PATTERN } from "./input-rules";

@InputType("LocationInput", { description: "Where a meeting took place." })
export class LocationInput {
  @Field(() => String, { nullable: true, description: "The city." })
  @IsOptional()
  @MaxLength(200)
  city?: string | null;

  @Field(() => String, { nullable: true, description: "The code of the country (a State; it must exist)." })
  @IsOptional()
  @Matches(STATE_CODE_PATTERN, { message: STATE_CODE_MESSAGE })
  country?: string | null;
}
