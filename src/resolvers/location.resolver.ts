import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { State } from "../entities/state.entity";
import { MeetingLocation } from "../schema/meeting-location";

@Resolver(() => MeetingLocation)
export class MeetingLocationResolver {
  @FieldResolver(() => State, { nullable: true, description: "The country, when known." })
  country(@Root() location: MeetingLocation, @Ctx() context: RequestContext): Promise<State | null> {
    return location.countryId === null ? Promise.resolve(null) : context.loaders.records.byId(State).load(location.countryId);
  }
}
