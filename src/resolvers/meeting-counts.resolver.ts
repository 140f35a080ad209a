import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { countMeetings, type RecordProjection } from "../queries/meeting-counts";
import { cachedProjection } from "../queries/projection/cached-projection";
import { subfieldNodes } from "../queries/projection/connection-node-projection";
import { MeetingCount } from "../schema/meeting-count";
import { MeetingCountsArgs } from "../schema/meeting-counts-args";

@Resolver(() => MeetingCount)
export class MeetingCountsResolver {
  @Query(() => [MeetingCount], {
    description:
      "Meetings counted by groups, for analysts: one entry per combination of the dimensions asked for, sorted by them. A meeting counts once per group it falls in (a meeting on two topics counts under each).",
  })
  meetingCounts(
    @Args() { filter, by }: MeetingCountsArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingCount[]> {
    // The records of a dimension carry only the selected fields, built in the statement, when they can be.
    const projectRecords: RecordProjection = (property, typeName) =>
      cachedProjection(info, typeName, "objects", (counts) => subfieldNodes(counts.fieldNodes, property));
    return countMeetings(context.dataSource, filter ?? null, by, projectRecords);
  }
}
