import { GraphQLJSONObject } from "graphql-scalars";
import { ArgsType, Field, InputType, Int } from "type-graphql";
import { PagingArgs } from "./paging-args";

/** What `saveQuery` stores; saving an existing name stores a new version. */
@InputType("SaveQueryInput", { description: "A query to save under a name; saving an existing name stores a new version." })
export class SaveQueryInput {
  @Field(() => String, { description: "The unique name: 1 to 100 letters, digits, `-` or `_` (used in `/saved/{name}`)." })
  name: string;

  @Field(() => String, { description: "A short human title." })
  title: string;

  @Field(() => String, { nullable: true, description: "What the query answers, for other analysts." })
  description?: string | null;

  @Field(() => String, { description: "The GraphQL document: exactly one query operation, valid against the schema." })
  document: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "Default values for the document's variables." })
  variables?: Record<string, unknown> | null;
}

/** Arguments of `savedQueries`. */
@ArgsType()
export class SavedQueryListArgs extends PagingArgs {
  @Field(() => String, {
    nullable: true,
    description: "Only saved queries whose name, title or description contains this text (case-insensitive).",
  })
  search?: string | null;
}

/** The arguments of `runSavedQuery`, in the contract's order. */
@ArgsType()
export class RunSavedQueryArgs {
  @Field(() => String, { description: "The saved query's name." })
  name: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "Variable values; saved defaults fill the rest." })
  variables?: Record<string, unknown> | null;
}

/** The arguments of `saveQuery`: the query, then the optional version check. */
@ArgsType()
export class SaveQueryArgs {
  @Field(() => SaveQueryInput, { description: "The query to save." })
  input: SaveQueryInput;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the saved query is at this version (nothing is saved).",
  })
  expectedVersion?: number | null;
}
