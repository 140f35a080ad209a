import { Arg, Args, ArgsType, Authorized, Ctx, Field, Int, Mutation, Resolver } from "type-graphql";
import { Role } from "../auth/role";
import type { RequestContext } from "../context";
import { Topic } from "../entities/topic.entity";
import { DeleteRecordPayload } from "../schema/delete-result";
import { CreateTopicInput, UpdateTopicInput } from "../schema/topic.input";
import { deleteRecord } from "../writes/delete-record";
import { writeAs } from "../writes/write-context";
import { writeEntry } from "../writes/write-entry";

// Arguments as classes so the schema lists them in the contract's order: key, input, expectedVersion.
@ArgsType()
class UpdateTopicArgs {
  @Field(() => String, { description: "Which Topic: the topic's slug." })
  slug: string;

  @Field(() => UpdateTopicInput, { description: "The changes; fields left out keep their values." })
  input: UpdateTopicInput;

  @Field(() => Int, { description: "The `version` the change was based on." })
  expectedVersion: number;
}

@ArgsType()
class DeleteTopicArgs {
  @Field(() => String, { description: "Which Topic: the topic's slug." })
  slug: string;

  @Field(() => Boolean, { defaultValue: false, description: "Also delete or detach the records that depend on it." })
  cascade: boolean;

  @Field(() => Int, { nullable: true, description: "When given, CONFLICT unless the Topic is still at this version." })
  expectedVersion?: number | null;
}

/** createTopic, updateTopic, deleteTopic: each one transaction, each recorded in the change history. */
@Resolver()
export class TopicMutationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, { description: "Creates a Topic; BAD_USER_INPUT lists every problem of the input with its path." })
  createTopic(
    @Arg("input", () => CreateTopicInput, { validate: false, description: "The new Topic." }) input: CreateTopicInput,
    @Ctx() context: RequestContext,
  ): Promise<Topic> {
    return writeAs(context, (write) => writeEntry(write, "Topic", input));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, {
    description:
      "Changes a Topic; CONFLICT (with `extensions.currentVersion`) when `expectedVersion` is stale, and nothing is written.",
  })
  updateTopic(
    @Args(() => UpdateTopicArgs, { validate: false }) args: UpdateTopicArgs,
    @Ctx() context: RequestContext,
  ): Promise<Topic> {
    return writeAs(context, (write) =>
      writeEntry(write, "Topic", args.input, { key: args.slug, expectedVersion: args.expectedVersion }),
    );
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteRecordPayload, {
    description:
      "Deletes a Topic. Refused with CONFLICT while meetings, outcomes or child topics refer to it, unless `cascade` (they are untagged; children become roots).",
  })
  deleteTopic(
    @Args(() => DeleteTopicArgs, { validate: false }) args: DeleteTopicArgs,
    @Ctx() context: RequestContext,
  ): Promise<DeleteRecordPayload> {
    return writeAs(context, (write) =>
      deleteRecord(write, "Topic", args.slug, { cascade: args.cascade, expectedVersion: args.expectedVersion }),
    );
  }
}
