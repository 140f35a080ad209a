import { Field, InputType } from "type-graphql";
import { CitationInput } from "./citation.input";
import { DateScalar } from "./scalars";

@InputType("CreateStatementInput", { description: "Words an official said, as a source reports them." })
export class CreateStatementInput {
  @Field(() => String, { description: "The slug of the official who said it (it must exist)." })
  official: string;

  @Field(() => String, { nullable: true, description: "The slug of the meeting where it was said." })
  meeting?: string | null;

  @Field(() => String, { description: "What was said; the same official cannot have the same text twice." })
  text: string;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the text's language." })
  lang?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was said." })
  madeOn?: string | null;

  @Field(() => String, { nullable: true, description: "The slug of the source that reports it." })
  source?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Further sources, with quotes." })
  sources?: CitationInput[] | null;
}

@InputType("UpdateStatementInput", { description: "Changes to a statement; fields left out keep their values, null clears." })
export class UpdateStatementInput {
  @Field(() => String, { nullable: true, description: "The slug of the official who said it." })
  official?: string;

  @Field(() => String, { nullable: true, description: "The slug of the meeting where it was said." })
  meeting?: string | null;

  @Field(() => String, { nullable: true, description: "What was said." })
  text?: string;

  @Field(() => String, { nullable: true, description: "The BCP 47 tag of the text's language." })
  lang?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was said." })
  madeOn?: string | null;

  @Field(() => String, { nullable: true, description: "The slug of the source that reports it." })
  source?: string | null;

  @Field(() => [CitationInput], { nullable: true, description: "Replaces the statement's citations." })
  sources?: CitationInput[] | null;
}
