import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { RecordChange } from "../entities/record-change.entity";
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
