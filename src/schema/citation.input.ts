import { Field, InputType } from "type-graphql";

/** A source cited for a fact, with the words quoted from it. */
@InputType("CitationInput", { description: "A source cited for a fact, optionally with the passage quoted from it." })
export class CitationInput {
  @Field(() => String, { description: "The slug of the cited Source (it must exist)." })
  source: string;

  @Field(() => String, { nullable: true, description: "The passage quoted from the source, in its own language." })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: "The BCP 47 language tag of the quote." })
  quoteLang?: string | null;
}
