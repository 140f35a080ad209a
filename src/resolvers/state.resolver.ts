import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { pickLocalized } from "../entities/localized-text";
import type { Meeting } from "../entities/meeting.entity";
import { Membership } from "../entities/membership.entity";
import { Official } from "../entities/official.entity";
import { State } from "../entities/state.entity";
import { listRecords, orderedByKey } from "../queries/list-records";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { compileStateFilter } from "../queries/state-filter";
import { AsOfArg } from "../schema/as-of-args";
import { type ConnectionResult, RecordConnection } from "../schema/connection";
import { ListArgs, MeetingListArgs } from "../schema/list-args";
import { LangArg } from "../schema/localized-args";
import { LocalizedString, localizedStrings } from "../schema/localized-string";
import { MeetingConnection } from "../schema/record-connections";
import { CreateStateInput, UpdateStateInput } from "../schema/state.input";
import { StateFilter } from "../schema/state-filter.input";
import { NESTED_MEETINGS_DESCRIPTION, nestedMeetings } from "./nested-meetings";
import { RecordResolver } from "./record.resolver";
import { RecordMutations } from "./record-mutations";
import { recordWithMeetings } from "./record-with-meetings";

const StateConnection = RecordConnection(State, "State", "states");
const StateListArgs = ListArgs(StateFilter, "states");

@Resolver(() => State)
export class StateResolver extends RecordResolver(State, "State") {
  @Query(() => State, { nullable: true, description: "The state with this ISO 3166-1 alpha-2 code, or null when there is none." })
  state(
    @Arg("code", () => String, { description: "The state's ISO 3166-1 alpha-2 code, e.g. `FR`." }) code: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<State | null> {
    return recordWithMeetings("state", State, { field: "code", value: code.toUpperCase() }, context, info);
  }

  @Query(() => StateConnection, { description: "States, by code (Relay connection)." })
  states(
    @Args(() => StateListArgs) { filter, ...paging }: InstanceType<typeof StateListArgs>,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionResult<State>> {
    return listRecords(context.dataSource, orderedByKey(State, "r", "State", "code"), paging, filter, compileStateFilter);
  }

  @FieldResolver()
  name(@Root() state: State | ProjectedObject, @LangArg() lang: string | null, @Info() info: GraphQLResolveInfo): string | null {
    return isProjected(state) ? projectedValue(state, info) : pickLocalized(state.name, lang);
  }

  @FieldResolver(() => [LocalizedString], { description: "The name in every language held." })
  names(@Root() state: State | ProjectedObject, @Info() info: GraphQLResolveInfo): LocalizedString[] {
    if (isProjected(state)) return projectedValue(state, info);
    return localizedStrings(state.name);
  }

  @FieldResolver(() => [Membership], { description: "The state's coalition memberships (on `asOf` when given), earliest first." })
  memberships(@Root() state: State, @AsOfArg() asOf: string | null, @Ctx() context: RequestContext): Promise<Membership[]> {
    return context.loaders.membershipsByState.load(asOf ?? null, state.id);
  }

  @FieldResolver(() => [Official], {
    description: "The officials who held a post for this state (on `asOf` when given), by slug, each once.",
  })
  officials(@Root() state: State, @AsOfArg() asOf: string | null, @Ctx() context: RequestContext): Promise<Official[]> {
    return context.loaders.officialsByState.load(asOf ?? null, state.id);
  }

  @FieldResolver(() => MeetingConnection, {
    description: `Meetings where a participant represented the state, as a ${NESTED_MEETINGS_DESCRIPTION}`,
  })
  meetings(
    @Root() state: State | ProjectedObject,
    @Args() args: MeetingListArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Meeting>> {
    if (isProjected(state)) return projectedValue(state, info);
    return nestedMeetings("state", state.id, args, context, info);
  }
}

export const StateMutationResolver = RecordMutations("State", {
  entity: State,
  create: CreateStateInput,
  update: UpdateStateInput,
  key: { name: "code", description: "the state's ISO 3166-1 alpha-2 code" },
  deleteDescription:
    "Deletes a State. Refused with CONFLICT while memberships, positions, meetings, participants or outcomes refer to it, unless `cascade`.",
});
