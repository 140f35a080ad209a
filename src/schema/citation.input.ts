import { IsOptional, Matches, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LANG_MESSAGE, LANG_PATTERN, SLUG_MAX, SLUG_MESSAGE, SLUG_PATTERN, TEXT_MAX } from "./input-rules";

/** A source cited for a fact, with the words quoted from it. */
@InputType("CitationInput", { description: "A source cited for a fact, optionally with the passage quoted from it." })
export class CitationInput {
  @Field(() => String, { description: "The slug of the cited Source (it must exist)." })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX)
  source: string;

  @Field(() => String, { nullable: true, description: "The passage quoted from the source, in its own language." })
  @IsOptional()
  @MaxLength(TEXT_MAX, { message: `must be at most ${TEXT_MAX} characters` })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 language tag of the quote." })
  @IsOptional()
  @Matches(LANG_PATTERN, { message: LANG_MESSAGE })
  quoteLang?: string | null;
}
