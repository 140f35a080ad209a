import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { countMeetings } from "../queries/meeting-counts";
import { MeetingCount } from "../schema/meeting-count";
import { MeetingCountsArgs } from "../schema/meeting-counts-args";

@Resolver(() => MeetingCount)
export class MeetingCountsResolver {
  @Query(() => [MeetingCount], {
    description:
      "Meetings counted by groups, for analysts: one entry per combination of the dimensions asked for, sorted by them. A meeting counts once per group it falls in (a meeting on two topics counts under each).",
  })
  meetingCounts(@Args() { filter, by }: MeetingCountsArgs, @Ctx() context: RequestContext): Promise<MeetingCount[]> {
    return countMeetings(context.dataSource, filter ?? null, by);
  }
}
