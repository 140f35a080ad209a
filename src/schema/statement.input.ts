import { IsNotEmpty, IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { CitationInput } from "./citation.input";
import { LANG_MESSAGE, LANG_PATTERN, OmittableNotNull, SLUG_MESSAGE, SLUG_PATTERN, TEXT_MAX } from "./input-rules";
import { DateScalar } from "./scalars";

@InputType("CreateStatementInput", { description: "Words an official said, as a source reports them." })
export class CreateStatementInput {
  @Field(() => String, { description: "The slug of the official who said it (it must exist)." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  official: string;

  @Field(() => String, { nullable: true, description: "The slug of the meeting where it was said." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  meeting?: string | null;

  @Field(() => String, { description: "What was said; the same official cannot have the same text twice." })
  @IsNotEmpty({ message: "must not be empty" })
  @MaxLength(TEXT_MAX, { message: `must be at most ${TEXT_MAX} characters` })
  text: string;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the text's language." })
  @IsOptional()
  @Matches(LANG_PATTERN, { message: LANG_MESSAGE })
  lang?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was said." })
  madeOn?: string | null;

  @Field(() => String, { nullable: true, description: "The slug of the source that reports it." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  source?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Further sources, with quotes." })
  @IsOptional()
  @ValidateNested({ each: true })
  sources?: CitationInput[] | null;
}

@InputType("UpdateStatementInput", { description: "Changes to a statement; fields left out keep their values, null clears." })
export class UpdateStatementInput {
  @Field(() => String, { nullable: true, description: "The slug of the official who said it." })
  @OmittableNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  official?: string;

  @Field(() => String, { nullable: true, description: "The slug of the meeting where it was said." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  meeting?: string | null;

  @Field(() => String, { nullable: true, description: "What was said." })
  @OmittableNotNull()
  @IsNotEmpty({ message: "must not be empty" })
  @MaxLength(TEXT_MAX, { message: `must be at most ${TEXT_MAX} characters` })
  text?: string;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the text's language." })
  @IsOptional()
  @Matches(LANG_PATTERN, { message: LANG_MESSAGE })
  lang?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was said." })
  madeOn?: string | null;

  @Field(() => String, { nullable: true, description: "The slug of the source that reports it." })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  source?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Replaces the statement's citations." })
  @IsOptional()
  @ValidateNested({ each: true })
  sources?: CitationInput[] | null;
}
