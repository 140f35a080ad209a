import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { Coalition } from "../entities/coalition.entity";
import { pickLocalized } from "../entities/localized-text";
import { Meeting } from "../entities/meeting.entity";
import { Outcome } from "../entities/outcome.entity";
import { Participant } from "../entities/participant.entity";
import { Statement } from "../entities/statement.entity";
import { Topic } from "../entities/topic.entity";
import type { PageRow } from "../queries/connection-result";
import { listRecords } from "../queries/list-records";
import { compileMeetingFilter } from "../queries/meeting-filter";
import { meetingList } from "../queries/meeting-list";
import { projectConnectionNodes, selectsField } from "../queries/projection/connection-node-projection";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import type { ConnectionResult } from "../schema/connection";
import { MeetingListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { CreateMeetingInput, UpdateMeetingInput } from "../schema/meeting.input";
import { MeetingLocation } from "../schema/meeting-location";
import { MeetingConnection } from "../schema/record-connections";
import { keepRelated } from "./keep-related";
import { fetchSelectedParts } from "./meeting-look-ahead";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";

@Resolver(() => Meeting)
export class MeetingResolver extends RecordResolver(Meeting, "Meeting") {
  @Query(() => Meeting, { nullable: true, description: "The meeting with this slug, or null when there is none." })
  meeting(
    @Arg("slug", () => String, { description: "The meeting's slug." }) slug: string,
    @Ctx() context: RequestContext,
  ): Promise<Meeting | null> {
    return context.loaders.records.byKey(Meeting, "slug").load(slug);
  }

  @Query(() => MeetingConnection, {
    description:
      "Meetings matching `filter`, in `orderBy` order (default DATE DESC, ties by slug, no date last), as a Relay connection.",
  })
  async meetings(
    @Args() { filter, orderBy, ...paging }: MeetingListArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Meeting>> {
    const projection = projectConnectionNodes(info, "Meeting");
    // A projected page counts in its own statement; the resolver path counts apart, when totalCount is read.
    const withTotal = projection !== null && selectsField(info, "totalCount");
    const list = meetingList(orderBy, projection);
    const keep = (rows: PageRow<Meeting>[]) => keepRelated(context, rows);
    const page = await listRecords(context.dataSource, list, paging, filter, compileMeetingFilter, keep, withTotal);
    if (!projection) await fetchSelectedParts(context, info, page.nodes);
    return page;
  }

  @FieldResolver()
  title(
    @Root() meeting: Meeting | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(meeting) ? projectedValue(meeting, info) : pickLocalized(meeting.title, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The title in every language held." })
  titles(@Root() meeting: Meeting | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return localizedStrings(meeting.title);
  }

  @FieldResolver()
  summary(
    @Root() meeting: Meeting | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(meeting) ? projectedValue(meeting, info) : pickLocalized(meeting.summary, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The summary in every language held." })
  summaries(@Root() meeting: Meeting | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return localizedStrings(meeting.summary);
  }

  @FieldResolver(() => MeetingLocation, { nullable: true, description: "Where the meeting took place; null when unknown." })
  location(@Root() meeting: Meeting | ProjectedObject, @Info() info: GraphQLResolveInfo): MeetingLocation | null {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    if (meeting.locationCity === null && meeting.locationCountryId === null) return null;
    return { city: meeting.locationCity, countryId: meeting.locationCountryId };
  }

  @FieldResolver(() => Coalition, {
    nullable: true,
    description: "The coalition the meeting belongs to; null for bilateral meetings.",
  })
  coalition(
    @Root() meeting: Meeting | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Coalition | null | Promise<Coalition | null> {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return meeting.coalitionId === null
      ? Promise.resolve(null)
      : context.loaders.records.byId(Coalition).load(meeting.coalitionId);
  }

  @FieldResolver(() => [Participant], { description: "Who took part, hosts and chairs first." })
  participants(
    @Root() meeting: Meeting | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Participant[] | Promise<Participant[]> {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return context.loaders.participantsByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Topic], { description: "The topics discussed, as tagged, by slug." })
  topics(
    @Root() meeting: Meeting | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Topic[] | Promise<Topic[]> {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return context.loaders.topicsByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Outcome], { description: "What came of the meeting, by slug." })
  outcomes(
    @Root() meeting: Meeting | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Outcome[] | Promise<Outcome[]> {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return context.loaders.outcomesByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Meeting], { description: "Meetings that follow up on this one, oldest first." })
  followUps(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<Meeting[]> {
    return context.loaders.followUps.load(meeting.id);
  }

  @FieldResolver(() => [Meeting], { description: "Meetings this one follows up on, oldest first." })
  precededBy(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<Meeting[]> {
    return context.loaders.precededBy.load(meeting.id);
  }

  @FieldResolver(() => [Citation], { description: "The sources that report the meeting, with the passages quoted." })
  sources(
    @Root() meeting: Meeting | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Citation[] | Promise<Citation[]> {
    if (isProjected(meeting)) return projectedValue(meeting, info);
    return context.loaders.citations.meeting.load(meeting.id);
  }

  @FieldResolver(() => [Statement], { description: "Statements made at the meeting, oldest first." })
  statements(@Root() meeting: Meeting, @Ctx() context: RequestContext): Promise<Statement[]> {
    return context.loaders.statementsByMeeting.load(meeting.id);
  }
}

export const MeetingMutationResolver = RecordMutations("Meeting", {
  entity: Meeting,
  create: CreateMeetingInput,
  update: UpdateMeetingInput,
  key: { name: "slug", description: "the meeting's slug" },
  deleteDescription:
    "Deletes a Meeting. Its participants, topics and citations go with it. Refused with CONFLICT while outcomes, statements or follow-up meetings refer to it, unless `cascade` (its outcomes are deleted, other references cleared).",
});
