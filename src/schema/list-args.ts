import { ArgsType, type ClassType, Field } from "type-graphql";
import { MeetingFilter } from "./meeting-filter.input";
import { MeetingOrder } from "./meeting-order.input";
import { PagingArgs } from "./paging-args";

/**
 * The arguments of a record type's list: paging and `filter`. One call per type, e.g.
 * `const StateListArgs = ListArgs(StateFilter, "states")`, used as `@Args(() => StateListArgs)`.
 */
export function ListArgs<F extends object>(filterType: ClassType<F>, plural: string) {
  @ArgsType()
  class ListArgsType extends PagingArgs {
    @Field(() => filterType, { nullable: true, description: `Only ${plural} matching every condition given.` })
    filter?: F | null;
  }
  return ListArgsType;
}

/** Arguments of every meetings connection (top-level and nested). */
@ArgsType()
export class MeetingListArgs extends ListArgs(MeetingFilter, "meetings") {
  @Field(() => MeetingOrder, { nullable: true, description: "The order (default DATE DESC; ties by slug; no date last)." })
  orderBy?: MeetingOrder | null;
}
