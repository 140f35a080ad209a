import { ArgsType, Field, Int } from "type-graphql";
import { SearchType } from "./search";

/** The arguments of `search`, in the contract's order (an ArgsType keeps declaration order in the schema). */
@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: 'The words to look for; web-search syntax ("quoted phrase", `or`, `-word`).' })
  query: string;

  @Field(() => [SearchType], { nullable: true, description: "Only these record types; default all." })
  types?: SearchType[] | null;

  @Field(() => String, {
    nullable: true,
    description: "The language (BCP 47) of the snippets, with fallback to English, then any.",
  })
  lang?: string | null;

  @Field(() => Int, { nullable: true, description: "The first n hits (after `after`); default 20, at most 100." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Only hits after this cursor." })
  after?: string | null;
}
