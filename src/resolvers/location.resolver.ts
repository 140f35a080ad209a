import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { State } from "../entities/state.entity";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { MeetingLocation } from "../schema/meeting-location";

@Resolver(() => MeetingLocation)
export class MeetingLocationResolver {
  @FieldResolver(() => State, { nullable: true, description: "The country, when known." })
  country(
    @Root() location: MeetingLocation | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): State | null | Promise<State | null> {
    if (isProjected(location)) return projectedValue(location, info);
    return location.countryId === null ? Promise.resolve(null) : context.loaders.records.byId(State).load(location.countryId);
  }
}
