import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { RecordChange } from "../entities/record-change.entity";
import { ChangeFilter } from "./change-filter.input";
import { Connection } from "./connection";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./paging-args";

@ObjectType("RecordChangeConnection", { description: "A page of change-history entries, newest first." })
export class RecordChangeConnection extends Connection(RecordChange, "RecordChange") {}

/** Paging of the change history: newest first, forward only. */
@ArgsType()
export class HistoryArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first n entries (after \`after\`); default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Only entries after (older than) this cursor." })
  after?: string | null;
}

/** Arguments of the root `changes`: which entries, then the page. */
@ArgsType()
export class ChangesArgs {
  @Field(() => ChangeFilter, { nullable: true, description: "Which changes to list; all when left out." })
  filter?: ChangeFilter | null;

  @Field(() => Int, {
    nullable: true,
    description: `The first n entries (after \`after\`); default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Only entries after (older than) this cursor." })
  after?: string | null;
}
