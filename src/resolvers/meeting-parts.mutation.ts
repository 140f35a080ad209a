import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { ParticipantInput } from "../schema/participant.input";
import { addMeetingTopic, addParticipant, removeMeetingTopic, removeParticipant } from "../writes/meeting-parts";
import { writeAs } from "../writes/write-context";

const EXPECTED_VERSION = {
  nullable: true,
  description: "When given, CONFLICT unless the meeting is still at this version. The meeting's version goes up by one.",
};

/** Nested writes on a meeting's participants and topics, without rewriting the meeting. */
@Resolver()
export class MeetingPartsMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Adds a participant to a meeting (an official takes part once per meeting)." })
  addParticipant(
    @Arg("meeting", () => String, { description: "The meeting's slug." }) meeting: string,
    @Arg("input", () => ParticipantInput, { validate: false, description: "The participant." }) input: ParticipantInput,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => addParticipant(write, meeting, input, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Removes an official from a meeting's participants." })
  removeParticipant(
    @Arg("meeting", () => String, { description: "The meeting's slug." }) meeting: string,
    @Arg("official", () => String, { description: "The participating official's slug." }) official: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => removeParticipant(write, meeting, official, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Tags a meeting with one more topic." })
  addMeetingTopic(
    @Arg("meeting", () => String, { description: "The meeting's slug." }) meeting: string,
    @Arg("topic", () => String, { description: "The topic's slug." }) topic: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => addMeetingTopic(write, meeting, topic, expectedVersion));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Removes one topic from a meeting." })
  removeMeetingTopic(
    @Arg("meeting", () => String, { description: "The meeting's slug." }) meeting: string,
    @Arg("topic", () => String, { description: "The topic's slug." }) topic: string,
    @Arg("expectedVersion", () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => removeMeetingTopic(write, meeting, topic, expectedVersion));
  }
}
