import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Citation } from "../entities/citation.entity";
import { pickLocalized } from "../entities/localized-text";
import { Meeting } from "../entities/meeting.entity";
import { Outcome } from "../entities/outcome.entity";
import { State } from "../entities/state.entity";
import { Topic } from "../entities/topic.entity";
import { listRecords, orderedByKey } from "../queries/list-records";
import { compileOutcomeFilter } from "../queries/outcome-filter";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { type ConnectionResult, RecordConnection } from "../schema/connection";
import { ListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { CreateOutcomeInput, UpdateOutcomeInput } from "../schema/outcome.input";
import { OutcomeFilter } from "../schema/outcome-filter.input";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";
import { required } from "./required";

const OutcomeConnection = RecordConnection(Outcome, "Outcome", "outcomes");
const OutcomeListArgs = ListArgs(OutcomeFilter, "outcomes");

@Resolver(() => Outcome)
export class OutcomeResolver extends RecordResolver(Outcome, "Outcome") {
  @Query(() => Outcome, { nullable: true, description: "The outcome with this slug, or null when there is none." })
  outcome(
    @Arg("slug", () => String, { description: "The outcome's slug." }) slug: string,
    @Ctx() context: RequestContext,
  ): Promise<Outcome | null> {
    return context.loaders.records.byKey(Outcome, "slug").load(slug);
  }

  @Query(() => OutcomeConnection, { description: "Outcomes, by slug (Relay connection)." })
  outcomes(
    @Args(() => OutcomeListArgs) { filter, ...paging }: InstanceType<typeof OutcomeListArgs>,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<Outcome>> {
    return listRecords(context.dataSource, orderedByKey(Outcome, "r", "Outcome", "slug"), paging, filter, compileOutcomeFilter);
  }

  @FieldResolver()
  summary(
    @Root() outcome: Outcome | ProjectedObject,
    @LangArg() lang: string | null,
    @Info() info: GraphQLResolveInfo,
  ): string | null {
    return isProjected(outcome) ? projectedValue(outcome, info) : pickLocalized(outcome.summary, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The summary in every language held." })
  summaries(@Root() outcome: Outcome | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(outcome)) return projectedValue(outcome, info);
    return localizedStrings(outcome.summary);
  }

  @FieldResolver(() => Meeting, { description: "The meeting that produced this outcome." })
  async meeting(@Root() outcome: Outcome, @Ctx() context: RequestContext): Promise<Meeting> {
    return required(await context.loaders.records.byId(Meeting).load(outcome.meetingId), "Meeting", outcome.meetingId);
  }

  @FieldResolver(() => [Topic], { description: "The topics the outcome concerns, by slug." })
  topics(
    @Root() outcome: Outcome | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Topic[] | Promise<Topic[]> {
    if (isProjected(outcome)) return projectedValue(outcome, info);
    return context.loaders.topicsByOutcome.load(outcome.id);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting planned to follow this outcome up, if any." })
  followUpMeeting(
    @Root() outcome: Outcome | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Meeting | null | Promise<Meeting | null> {
    if (isProjected(outcome)) return projectedValue(outcome, info);
    const meetingId = outcome.followUpMeetingId;
    return meetingId === null ? Promise.resolve(null) : context.loaders.records.byId(Meeting).load(meetingId);
  }

  @FieldResolver(() => [State], { description: "The states party to the outcome, by code." })
  parties(
    @Root() outcome: Outcome | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): State[] | Promise<State[]> {
    if (isProjected(outcome)) return projectedValue(outcome, info);
    return context.loaders.partiesByOutcome.load(outcome.id);
  }

  @FieldResolver(() => [Citation], { description: "The sources that report the outcome." })
  sources(
    @Root() outcome: Outcome | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Citation[] | Promise<Citation[]> {
    if (isProjected(outcome)) return projectedValue(outcome, info);
    return context.loaders.citations.outcome.load(outcome.id);
  }
}

export const OutcomeMutationResolver = RecordMutations("Outcome", {
  entity: Outcome,
  create: CreateOutcomeInput,
  update: UpdateOutcomeInput,
  key: { name: "slug", description: "the outcome's slug" },
  deleteDescription: "Deletes a Outcome. Its topics, parties and citations go with it.",
});
