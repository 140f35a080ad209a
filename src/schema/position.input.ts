import { IsOptional, Matches, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { CitationInput } from "./citation.input";
import { LocalizedTextRules, STATE_CODE_MESSAGE, STATE_CODE_PATTERN } from "./input-rules";
import { LocalizedStringInput } from "./localized-string.input";
import { DateScalar } from "./scalars";

@InputType("PositionInput", { description: "A post an official held over a period." })
export class PositionInput {
  @Field(() => [LocalizedStringInput], { description: "The post's title, e.g. Chief of the Defence Staff." })
  @LocalizedTextRules()
  title: LocalizedStringInput[];

  @Field(() => [LocalizedStringInput], { nullable: true, description: "The organization the post belongs to." })
  @IsOptional()
  @ValidateNested({ each: true })
  organization?: LocalizedStringInput[] | null;

  @Field(() => String, { nullable: true, description: "The code of the state the post serves (it must exist)." })
  @IsOptional()
  @Matches(STATE_CODE_PATTERN, { message: STATE_CODE_MESSAGE })
  state?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the official took the post." })
  since?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When they left it (null: still in post)." })
  until?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Sources for the position." })
  @IsOptional()
  @ValidateNested({ each: true })
  sources?: CitationInput[] | null;
}
