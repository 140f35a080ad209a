import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Coalition } from "../entities/coalition.entity";
import { State } from "../entities/state.entity";
import { Topic } from "../entities/topic.entity";
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

  @FieldResolver(() => Coalition, {
    nullable: true,
    description: "The coalition (dimension COALITION); null for bilateral meetings.",
  })
  coalition(@Root() count: MeetingCount, @Ctx() context: RequestContext): Promise<Coalition | null> | null {
    return count.coalitionId === null ? null : context.loaders.records.byId(Coalition).load(count.coalitionId);
  }

  @FieldResolver(() => Topic, {
    nullable: true,
    description: "The topic as tagged (dimension TOPIC); null for meetings with no topic.",
  })
  topic(@Root() count: MeetingCount, @Ctx() context: RequestContext): Promise<Topic | null> | null {
    return count.topicId === null ? null : context.loaders.records.byId(Topic).load(count.topicId);
  }

  @FieldResolver(() => State, {
    nullable: true,
    description: "A state a participant represented (dimension STATE); null for meetings where none did.",
  })
  state(@Root() count: MeetingCount, @Ctx() context: RequestContext): Promise<State | null> | null {
    return count.stateId === null ? null : context.loaders.records.byId(State).load(count.stateId);
  }
}
