import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { Official } from "../entities/official.entity";
import { Participant } from "../entities/participant.entity";
import { State } from "../entities/state.entity";
import { RecordResolver } from "./record.resolver";
import { required } from "./required";

@Resolver(() => Participant)
export class ParticipantResolver extends RecordResolver(Participant, "Participant") {
  @FieldResolver(() => Official, { description: "The official who took part." })
  async official(@Root() participant: Participant, @Ctx() context: RequestContext): Promise<Official> {
    return required(
      await context.loaders.records.byId(Official).load(participant.officialId),
      "Official",
      participant.officialId,
    );
  }

  @FieldResolver(() => State, { nullable: true, description: "The state the official represented, if any." })
  representing(@Root() participant: Participant, @Ctx() context: RequestContext): Promise<State | null> {
    const stateId = participant.representingStateId;
    return stateId === null ? Promise.resolve(null) : context.loaders.records.byId(State).load(stateId);
  }

  @FieldResolver(() => Meeting, { description: "The meeting." })
  async meeting(@Root() participant: Participant, @Ctx() context: RequestContext): Promise<Meeting> {
    return required(await context.loaders.records.byId(Meeting).load(participant.meetingId), "Meeting", participant.meetingId);
  }
}
