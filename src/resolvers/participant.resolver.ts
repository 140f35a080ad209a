import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Participant } from "../entities/participant.entity";
import { State } from "../entities/state.entity";
import { isProjected, type ProjectedObject, projectedValue } from "../queries/projection/projected-object";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Participant)
export class ParticipantResolver extends RecordResolver(Participant, "Participant") {
  @FieldResolver(() => Official, { description: "The official who took part." })
  official(
    @Root() participant: Participant | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Official | Promise<Official> {
    if (isProjected(participant)) return projectedValue(participant, info);
    const { officialId } = participant;
    return context.loaders.records
      .byId(Official)
      .load(officialId)
      .then((row) => required(row, "Official", officialId));
  }

  @FieldResolver(() => State, { nullable: true, description: "The state the official represented, if any." })
  representing(
    @Root() participant: Participant | ProjectedObject,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): State | null | Promise<State | null> {
    if (isProjected(participant)) return projectedValue(participant, info);
    const stateId = participant.representingStateId;
    return stateId === null ? Promise.resolve(null) : context.loaders.records.byId(State).load(stateId);
  }

  @FieldResolver(() => Meeting, { description: "The meeting." })
  async meeting(@Root() participant: Participant, @Ctx() context: RequestContext): Promise<Meeting> {
    return required(await context.loaders.records.byId(Meeting).load(participant.meetingId), "Meeting", participant.meetingId);
  }
}
