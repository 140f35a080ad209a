import { ArgsType, Field } from "type-graphql";
import { MeetingDimension } from "./meeting-count";
import { MeetingFilter } from "./meeting-filter.input";

/** The arguments of `meetingCounts`, in the contract's order. */
@ArgsType()
export class MeetingCountsArgs {
  @Field(() => MeetingFilter, { nullable: true, description: "Only meetings matching this filter count." })
  filter?: MeetingFilter | null;

  @Field(() => [MeetingDimension], { description: "The dimensions to group by, in sort order; none gives the total." })
  by: MeetingDimension[];
}
