import { Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { ParticipantInput } from "../schema/participant.input";
import { addMeetingTopic, addParticipant, removeMeetingTopic, removeParticipant } from "../writes/meeting-parts";
import { writeAs } from "../writes/write-context";

@ArgsType()
class AddParticipantArgs {
  @Field(() => String, { description: "The meeting's slug." })
  meeting: string;

  @Field(() => ParticipantInput, { description: "The participant." })
  input: ParticipantInput;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the meeting is still at this version. The meeting's version goes up by one.",
  })
  expectedVersion?: number | null;
}

@ArgsType()
class RemoveParticipantArgs {
  @Field(() => String, { description: "The meeting's slug." })
  meeting: string;

  @Field(() => String, { description: "The participating official's slug." })
  official: string;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the meeting is still at this version. The meeting's version goes up by one.",
  })
  expectedVersion?: number | null;
}

/** A meeting and one of its topics: the arguments of addMeetingTopic and removeMeetingTopic. */
@ArgsType()
class MeetingTopicArgs {
  @Field(() => String, { description: "The meeting's slug." })
  meeting: string;

  @Field(() => String, { description: "The topic's slug." })
  topic: string;

  @Field(() => Int, {
    nullable: true,
    description: "When given, CONFLICT unless the meeting is still at this version. The meeting's version goes up by one.",
  })
  expectedVersion?: number | null;
}

/** Nested writes on a meeting's participants and topics, without rewriting the meeting. */
@Resolver()
export class MeetingPartsMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Adds a participant to a meeting (an official takes part once per meeting)." })
  addParticipant(
    @Args(() => AddParticipantArgs, { validate: false }) args: AddParticipantArgs,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => addParticipant(write, args.meeting, args.input, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Removes an official from a meeting's participants." })
  removeParticipant(
    @Args(() => RemoveParticipantArgs, { validate: false }) args: RemoveParticipantArgs,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => removeParticipant(write, args.meeting, args.official, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Tags a meeting with one more topic." })
  addMeetingTopic(
    @Args(() => MeetingTopicArgs, { validate: false }) args: MeetingTopicArgs,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => addMeetingTopic(write, args.meeting, args.topic, args.expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Removes one topic from a meeting." })
  removeMeetingTopic(
    @Args(() => MeetingTopicArgs, { validate: false }) args: MeetingTopicArgs,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => removeMeetingTopic(write, args.meeting, args.topic, args.expectedVersion));
  }
}
