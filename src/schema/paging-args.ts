import { ArgsType, Field, Int } from "type-graphql";

/** The default and the largest page size of every connection. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay cursor-connection arguments. */
@ArgsType()
export class PagingArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first n items (after \`after\`); default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Only items after this cursor." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last n items (before \`before\`); at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Only items before this cursor." })
  before?: string | null;
}
