import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Meeting } from "../entities/meeting.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateMeetingInput, UpdateMeetingInput } from "../schema/meeting.input";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateMeetingArgs {
  @Field(() => String, { description: "Which Meeting: the meeting's slug." })
  slug: string;

  @Field(() => UpdateMeetingInput, { description: "The changes; fields left out keep their values." })
  input: UpdateMeetingInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteMeetingArgs {
  @Field(() => String, { description: "Which Meeting: the meeting's slug." })
  slug: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Meeting is still at this version." })
  expectedVersion?: number | null;
}

/** createMeeting, updateMeeting, deleteMeeting: each one transaction, each recorded in the change history. */
@Resolver()
export class MeetingMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, { description: "Creates a Meeting; BAD_USER_INPUT lists every problem of the input with its path." })
  createMeeting(
    @Arg("input", () => CreateMeetingInput, { validate: false, description: "The new Meeting." }) input: CreateMeetingInput,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) => writeEntry(write, "Meeting", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Meeting, {
    description:
      "Changes a Meeting; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateMeeting(
    @Args(() => UpdateMeetingArgs, { validate: false }) args: UpdateMeetingArgs,
    @Ctx() context: RequestContext,
  ): Promise<Meeting> {
    return writeAs(context, (write) =>
      writeEntry(write, "Meeting", args.input, { key: args.slug, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Meeting. Its participants, topics and citations go with it. Refused with CONFLICT while outcomes, statements or follow-up meetings refer to it, unless `cascade` (its outcomes are deleted, other references cleared).",
  })
  deleteMeeting(
    @Args(() => DeleteMeetingArgs, { validate: false }) args: DeleteMeetingArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Meeting", args.slug, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
